package dev.dapkit.server.spi;

/**
 * Long work being reported to the client. Thread-safe. {@link #end(String)} must be called once;
 * calls after it are ignored.
 */
public interface Progress {

    /**
     * Reports headway.
     *
     * @param message what is being done now, or null to keep the last one
     * @param percentage 0 to 100, or null when unknown
     */
    void update(String message, Double percentage);

    /** Reports that the work is over. */
    void end(String message);

    /** Whether the user asked to cancel this work; long work checks it and stops early. */
    boolean isCancelled();
}
