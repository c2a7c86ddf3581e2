package dev.dapkit.server.spi;

import org.eclipse.lsp4j.debug.StackFrame;

/**
 * A stack frame as a target knows it. The target implements this with its own class (holding
 * whatever it needs to find the frame again); the engine assigns the DAP frame id and hands the
 * same object back in {@link DebugTarget#scopes} and the optional capabilities, until the debuggee
 * resumes.
 */
public interface TargetFrame {

    /**
     * The frame as DAP shows it. The engine replaces {@code id} with its own and maps
     * {@code source.path} to the client's file system; the target leaves {@code id} at 0.
     */
    StackFrame describe();
}
