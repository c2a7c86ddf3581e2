package dev.dapkit.target.micropython;

import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetProvider;
import dev.dapkit.target.micropython.internal.MicroPythonTarget;

/**
 * Makes targets that debug MicroPython programs through the dapkit agent; the target id is
 * {@value #ID}. Each target attaches to an agent on a board or a running program (see
 * {@link MicroPythonAttachConfiguration}), or launches a program on the unix port or CPython with
 * the agent (see {@link MicroPythonLaunchConfiguration}).
 *
 * <p>Found through {@link java.util.ServiceLoader}, or given to the server builder:
 * {@code DapServer.builder().target(new MicroPythonTargetProvider())}.
 *
 * <p>Stateless and thread-safe: sessions may be created concurrently.
 */
public final class MicroPythonTargetProvider implements TargetProvider {

    /** The id users select this target by. */
    public static final String ID = "micropython";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public DebugTarget create(TargetContext context) {
        return new MicroPythonTarget(context);
    }
}
