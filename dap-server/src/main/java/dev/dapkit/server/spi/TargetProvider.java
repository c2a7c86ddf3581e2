package dev.dapkit.server.spi;

/**
 * Makes {@link DebugTarget}s of one kind. Found by {@link #id()} through {@link java.util.ServiceLoader}
 * (declare it in {@code module-info.java} with {@code provides} and in
 * {@code META-INF/services/dev.dapkit.server.spi.TargetProvider}), or given to the server builder.
 *
 * <p>Implementations must be thread-safe: sessions are created concurrently.
 */
public interface TargetProvider {

    /** The id users select the target by, e.g. {@code jvm} or {@code micropython}. */
    String id();

    /** A new target for one session. */
    DebugTarget create(TargetContext context);
}
