package dev.dapkit.target.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.LineBreakpoint;
import dev.dapkit.server.spi.StackTracePage;
import dev.dapkit.server.spi.StepOptions;
import java.util.List;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The target driven through the SPI, as the engine drives it when a breakpoint's condition is
 * false: {@code resumeFilteredStop} carries on the step the breakpoint cut short, and a pause asked
 * for meanwhile, while {@code resume} ends them.
 */
class JvmFilteredStopTest {

    private final RecordingContext context = new RecordingContext();
    private DebugTarget target;
    private int thread;

    @BeforeEach
    void stopAtCallThenStepOverAddIntoItsBreakpoint() throws Exception {
        target = new JvmTargetProvider().create(context);
        target.launch(RawJson.from(Samples.launch("Canonical")));
        target.setLineBreakpoints(source(), List.of(LineBreakpoint.at(1, Samples.line("Canonical", "CALL"))));
        target.configurationDone();
        StoppedEventArguments atCall = context.awaitStop();
        assertArrayEquals(new Integer[] {1}, atCall.getHitBreakpointIds());
        thread = atCall.getThreadId();
        target.setLineBreakpoints(source(), List.of(LineBreakpoint.at(2, Samples.line("Canonical", "ADD_BODY"))));
        target.next(thread, StepOptions.DEFAULT);
        StoppedEventArguments inAdd = context.awaitStop();
        assertEquals(StoppedEventArgumentsReason.BREAKPOINT, inAdd.getReason(), "the step over add() meets its breakpoint");
        assertArrayEquals(new Integer[] {2}, inAdd.getHitBreakpointIds());
    }

    @AfterEach
    void end() throws Exception {
        target.disconnect(true);
        assertTrue(context.awaitTerminated(), "the debuggee ended");
    }

    @Test
    void resumeFilteredStopFinishesTheStepInTheCaller() throws Exception {
        target.resumeFilteredStop(thread, true);
        StoppedEventArguments step = context.awaitStop();
        assertEquals(StoppedEventArgumentsReason.STEP, step.getReason());
        StackTracePage stack = target.stackTrace(step.getThreadId(), 0, 0);
        assertEquals(1, stack.totalFrames(), "back in main: " + stack.frames());
        assertEquals(Samples.line("Canonical", "LOOP"), stack.frames().get(0).describe().getLine(),
                "the next over add() ends at the loop header");
    }

    @Test
    void resumeEndsTheStepThatWasCutShort() throws Exception {
        target.resume(thread, true);
        StoppedEventArguments again = context.awaitStop();
        assertEquals(StoppedEventArgumentsReason.BREAKPOINT, again.getReason(), "no step stop: the next pass hits add()");
        assertEquals(2, target.stackTrace(again.getThreadId(), 0, 0).totalFrames());
    }

    @Test
    void aPauseAskedForWhileStoppedHappensWhenTheStopIsResumedUnseen() throws Exception {
        target.pause(thread);
        target.resumeFilteredStop(thread, true);
        StoppedEventArguments paused = context.awaitStop();
        assertEquals(StoppedEventArgumentsReason.PAUSE, paused.getReason());
        assertEquals(thread, paused.getThreadId());
    }

    private static Source source() {
        Source source = new Source();
        source.setPath(Samples.path("Canonical"));
        return source;
    }
}
