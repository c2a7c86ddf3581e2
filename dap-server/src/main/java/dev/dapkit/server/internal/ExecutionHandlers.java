package dev.dapkit.server.internal;

import dev.dapkit.server.spi.FrameRestarter;
import dev.dapkit.server.spi.GranularStepping;
import dev.dapkit.server.spi.SingleThreadExecution;
import dev.dapkit.server.spi.StepOptions;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinueResponse;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.RestartFrameArguments;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.SteppingGranularity;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;

/**
 * Serves the requests that run and stop the debuggee: {@code threads}, {@code continue},
 * {@code next}, {@code stepIn}, {@code stepOut}, {@code pause}, {@code restartFrame}. Every resume
 * invalidates the handles issued while suspended, before the target is asked (its {@code stopped}
 * may come at once).
 *
 * <p>Called on the session thread only.
 */
final class ExecutionHandlers {

    private final TargetHolder target;
    private final SuspendedState suspended;

    ExecutionHandlers(TargetHolder target, SuspendedState suspended) {
        this.target = target;
        this.suspended = suspended;
    }

    void register(HandlerTable table) {
        table.on("threads", Void.class, Requirement.LAUNCHED, (p, a) -> {
            ThreadsResponse response = new ThreadsResponse();
            response.setThreads(target.get().threads().toArray(Thread[]::new));
            return response;
        });
        table.on("continue", ContinueArguments.class, Requirement.LAUNCHED, (p, a) -> {
            boolean all = !singleThread(a.getSingleThread());
            suspended.resumed(a.getThreadId(), all);
            ContinueResponse response = new ContinueResponse();
            response.setAllThreadsContinued(target.get().resume(a.getThreadId(), all));
            return response;
        });
        table.on("next", NextArguments.class, Requirement.LAUNCHED, (p, a) -> {
            StepOptions options = options(a.getGranularity(), a.getSingleThread());
            suspended.resumed(a.getThreadId(), !options.singleThread());
            target.get().next(a.getThreadId(), options);
            return null;
        });
        table.on("stepIn", StepInArguments.class, Requirement.LAUNCHED, (p, a) -> {
            StepOptions options = options(a.getGranularity(), a.getSingleThread());
            suspended.resumed(a.getThreadId(), !options.singleThread());
            target.get().stepIn(a.getThreadId(), options);
            return null;
        });
        table.on("stepOut", StepOutArguments.class, Requirement.LAUNCHED, (p, a) -> {
            StepOptions options = options(a.getGranularity(), a.getSingleThread());
            suspended.resumed(a.getThreadId(), !options.singleThread());
            target.get().stepOut(a.getThreadId(), options);
            return null;
        });
        table.on("pause", PauseArguments.class, Requirement.LAUNCHED, (p, a) -> {
            target.get().pause(a.getThreadId());
            return null;
        });
        table.on("restartFrame", RestartFrameArguments.class, Requirement.LAUNCHED, (p, a) -> {
            FrameRestarter restarter = target.capability(FrameRestarter.class, "restartFrame");
            SuspendedState.IssuedFrame frame = suspended.frame(a.getFrameId());
            suspended.resumed(frame.threadId(), true);
            restarter.restartFrame(frame.frame());
            return null;
        });
    }

    /** Whether only one thread may run: asked for, and the target can do it. */
    private boolean singleThread(Boolean asked) {
        return Boolean.TRUE.equals(asked) && target.has(SingleThreadExecution.class);
    }

    private StepOptions options(SteppingGranularity granularity, Boolean singleThread) {
        SteppingGranularity g = target.has(GranularStepping.class) && granularity != null ? granularity
                : SteppingGranularity.LINE;
        return new StepOptions(g, singleThread(singleThread));
    }
}
