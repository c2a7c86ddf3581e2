package dev.dapkit.server.spi;

/**
 * Optional marker: the target can resume and step one thread while the others stay suspended, so
 * the engine advertises {@code supportsSingleThreadExecutionRequests}.
 */
public interface SingleThreadExecution {
}
