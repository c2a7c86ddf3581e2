package dev.dapkit.server.internal;

/**
 * Test fixture standing for a server internal, so that {@code ArchitectureTest} can prove its
 * rules catch a target that reaches into the engine. Never part of any module.
 */
public final class FakeSessionState {

    public int frameCount() {
        return 0;
    }
}
