package dev.dapkit.target.jvm;

import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetProvider;
import dev.dapkit.target.jvm.internal.JvmTarget;

/**
 * Makes targets that debug Java programs through JDI; the target id is {@value #ID}. Each target
 * launches a JVM (see {@link JvmLaunchConfiguration}) or attaches to one that listens for a
 * debugger (see {@link JvmAttachConfiguration}).
 *
 * <p>Found through {@link java.util.ServiceLoader}, or given to the server builder:
 * {@code DapServer.builder().target(new JvmTargetProvider())}.
 *
 * <p>Stateless and thread-safe: sessions may be created concurrently.
 */
public final class JvmTargetProvider implements TargetProvider {

    /** The id users select this target by. */
    public static final String ID = "jvm";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public DebugTarget create(TargetContext context) {
        return new JvmTarget(context);
    }
}
