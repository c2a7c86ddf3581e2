package dev.dapkit.target.fake;

/** Test fixture: "not supported" surfacing as an exception instead of a DAP error. */
public final class FakeTargetRefusing {

    public void restartFrame(int frameId) {
        throw new UnsupportedOperationException("restartFrame " + frameId);
    }
}
