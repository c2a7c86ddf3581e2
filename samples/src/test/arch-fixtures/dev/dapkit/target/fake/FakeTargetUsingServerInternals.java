package dev.dapkit.target.fake;

import dev.dapkit.server.internal.FakeSessionState;

/** Test fixture: a target that breaks DESIGN §1 by using a server internal. */
public final class FakeTargetUsingServerInternals {

    public int frames(FakeSessionState state) {
        return state.frameCount();
    }
}
