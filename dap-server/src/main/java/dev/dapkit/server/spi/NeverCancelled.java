package dev.dapkit.server.spi;

/** The signal of {@link RequestCancellation#never()}. Stateless and thread-safe. */
final class NeverCancelled implements RequestCancellation {

    static final NeverCancelled INSTANCE = new NeverCancelled();

    private NeverCancelled() {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public void onCancel(Runnable action) {
        // never cancelled: the action never runs
    }

    @Override
    public String toString() {
        return "RequestCancellation.never()";
    }
}
