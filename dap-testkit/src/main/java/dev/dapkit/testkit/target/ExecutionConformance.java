package dev.dapkit.testkit.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Event;
import dev.dapkit.testkit.target.ConformanceProgram.Lines;
import dev.dapkit.testkit.target.ConformanceProgram.LoopingProgram;
import dev.dapkit.testkit.target.ConformanceProgram.RaisingProgram;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.ExceptionInfoArguments;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.junit.jupiter.api.Test;

/**
 * Running the debuggee: to the end, to a breakpoint and on, stepping over, into and out of the
 * call, pausing a running loop, stopping on an uncaught error, and terminating.
 */
public abstract class ExecutionConformance extends ConformanceScenarios {

    @Test
    public void runsToTheEndPrintingItsOutputAndExitingWithCode0() throws Exception {
        ClientSession session = launched(program().launchArguments());
        assertRunsToTheEnd(session);
        assertEquals(0, session.count("stopped"), "a program without breakpoints never stops");
        assertOutputBeforeTheEnd(session);
    }

    @Test
    public void stopsAtABreakpointThenContinuesToTheEnd() throws Exception {
        Lines lines = program().lines();
        ClientSession session = openSession();
        List<Breakpoint> placed = session.launch(program().launchArguments(), program().mainPath(),
                ClientSession.breakpoint(lines.call()));
        Breakpoint breakpoint = placed.get(0);
        assertTrue(breakpoint.isVerified(), "a breakpoint on CALL is verified: " + breakpoint.getMessage());
        assertEquals(lines.call(), breakpoint.getLine(), "the breakpoint's actual line");
        assertNotNull(breakpoint.getId(), "a verified breakpoint has an id, for hitBreakpointIds and breakpoint events");

        StoppedEventArguments first = session.awaitStopped();
        assertEquals(StoppedEventArgumentsReason.BREAKPOINT, first.getReason());
        assertArrayEquals(new Integer[] {breakpoint.getId()}, first.getHitBreakpointIds(), "hitBreakpointIds");
        assertAt(program().mainPath(), lines.call(), session.topFrame(first.getThreadId()), "the first stop");

        StoppedEventArguments second = session.continueToNextStop(first.getThreadId());
        assertEquals(StoppedEventArgumentsReason.BREAKPOINT, second.getReason(), "the loop's second pass hits it again");
        assertEquals(lines.call(), line(session, second.getThreadId()));

        session.setBreakpoints(program().mainPath());
        session.resume(second.getThreadId());
        assertRunsToTheEnd(session);
        assertEquals(2, session.count("stopped"), "no stop after the breakpoint was removed");
    }

    /** The whole session a user has with the canonical program, in one conversation, as the suite's overview describes it. */
    @Test
    public void aWholeSessionFromBreakpointThroughInspectionAndStepsToTheExit() throws Exception {
        Lines lines = program().lines();
        String main = program().mainPath();
        Stopped at = stoppedAtCall();
        ClientSession session = at.session();
        int thread = at.threadId();
        assertEquals(StoppedEventArgumentsReason.BREAKPOINT, at.stop().getReason());
        assertTrue(List.of(session.client().request("threads", null, ThreadsResponse.class, ClientSession.WAIT)
                .getThreads()).stream().anyMatch(t -> t.getId() == thread), "threads lists the stopped thread");
        StackFrame top = session.topFrame(thread);
        assertAt(main, lines.call(), top, "the breakpoint's frame");
        int locals = session.scopes(top.getId()).get(0).getVariablesReference();
        assertEquals("0", session.visibleVariables(top.getId()).get("total").getValue().strip(), "total at the first pass");
        assertEquals("1", session.evaluate("total + 1", top.getId(), "repl").getResult().strip(), "total + 1");

        session.setBreakpoints(main);
        session.next(thread);
        assertAt(main, lines.loop(), session.topFrame(thread), "next from CALL");
        assertFalse(session.client().requestResponse("variables", ClientSession.variablesArguments(locals),
                ClientSession.WAIT).success(), "a variablesReference from before the step is stale");
        session.next(thread);
        assertAt(main, lines.call(), session.topFrame(thread), "next from the loop header");
        assertEquals("1", session.visibleVariables(session.topFrame(thread).getId()).get("i").getValue().strip(),
                "i at the second pass");
        session.stepIn(thread);
        assertAt(main, lines.addBody(), session.topFrame(thread), "stepIn from CALL");
        session.stepOut(thread);
        assertAt(main, lines.call(), session.topFrame(thread), "stepOut of add()");
        session.resume(thread);
        assertRunsToTheEnd(session);
    }

    @Test
    public void nextStopsAtTheNextLineOfTheSameFrame() throws Exception {
        Lines lines = program().lines();
        Stopped at = stoppedAtCall();
        ClientSession session = at.session();
        session.setBreakpoints(program().mainPath());
        int depth = session.frames(at.threadId()).size();

        StoppedEventArguments step = session.next(at.threadId());
        assertEquals(StoppedEventArgumentsReason.STEP, step.getReason());
        assertAt(program().mainPath(), lines.loop(), session.topFrame(step.getThreadId()),
                "next from CALL steps over add() to the loop header");
        assertEquals(depth, session.frames(step.getThreadId()).size(), "next stays in the same frame");

        session.next(step.getThreadId());
        assertAt(program().mainPath(), lines.call(), session.topFrame(step.getThreadId()), "next from the loop header");
        session.resume(step.getThreadId());
        assertRunsToTheEnd(session);
    }

    @Test
    public void steppingOntoABreakpointsLineStopsOnceNotTwice() throws Exception {
        Lines lines = program().lines();
        Stopped at = stoppedAtCall();
        ClientSession session = at.session();
        int thread = at.threadId();
        session.next(thread);
        session.next(thread);
        assertAt(program().mainPath(), lines.call(), session.topFrame(thread), "two nexts from CALL, back on its line");
        int i = Integer.parseInt(session.visibleVariables(session.topFrame(thread).getId()).get("i").getValue().strip());
        assertEquals(1, i, "i at the second pass");
        StoppedEventArguments next = session.continueToNextStop(thread);
        assertEquals(StoppedEventArgumentsReason.BREAKPOINT, next.getReason());
        int after = Integer.parseInt(session.visibleVariables(session.topFrame(next.getThreadId()).getId()).get("i")
                .getValue().strip());
        assertEquals(i + 1, after, "continue from a step that landed on the breakpoint's line stops at the next pass;"
                + " a second stop for the same pass means the step and the breakpoint were both reported");
        assertEquals(4, session.count("stopped"), "one stop per request: breakpoint, next, next, continue");
    }

    @Test
    public void stepInStopsAtTheFirstStatementOfTheCallee() throws Exception {
        Lines lines = program().lines();
        Stopped at = stoppedAtCall();
        ClientSession session = at.session();
        session.setBreakpoints(program().mainPath());
        int depth = session.frames(at.threadId()).size();

        StoppedEventArguments step = session.stepIn(at.threadId());
        assertEquals(StoppedEventArgumentsReason.STEP, step.getReason());
        List<StackFrame> frames = session.frames(step.getThreadId());
        assertAt(program().mainPath(), lines.addBody(), frames.get(0),
                "stepIn from CALL stops at add()'s first statement, not at its def (line " + lines.addDef() + ")");
        assertEquals(depth + 1, frames.size(), "stepIn enters one frame deeper");
        assertAt(program().mainPath(), lines.call(), frames.get(1), "the caller waits at CALL");
    }

    @Test
    public void stepOutReturnsToTheCaller() throws Exception {
        Lines lines = program().lines();
        Stopped at = stoppedAt(ClientSession.breakpoint(lines.addBody()));
        ClientSession session = at.session();
        session.setBreakpoints(program().mainPath());
        int depth = session.frames(at.threadId()).size();

        StoppedEventArguments step = session.stepOut(at.threadId());
        assertEquals(StoppedEventArgumentsReason.STEP, step.getReason());
        assertAt(program().mainPath(), lines.call(), session.topFrame(step.getThreadId()),
                "stepOut of add() stops in main at the call");
        assertEquals(depth - 1, session.frames(step.getThreadId()).size(), "stepOut leaves one frame");
        session.resume(step.getThreadId());
        assertRunsToTheEnd(session);
    }

    @Test
    public void pauseStopsARunningLoop() throws Exception {
        LoopingProgram looping = require(ConformanceProgram::looping, "looping program");
        ClientSession session = launched(looping.launchArguments());
        // Reach the loop first: a pause right after launch may land in the runtime's start-up code.
        session.setBreakpoints(looping.path(), ClientSession.breakpoint(looping.loopLine()));
        int threadId = session.awaitStopped().getThreadId();
        session.setBreakpoints(looping.path());
        session.resume(threadId);
        StoppedEventArguments paused = pause(session, threadId);
        StackFrame top = session.topFrame(paused.getThreadId());
        assertNotNull(top.getSource(), "the paused frame has a source");
        assertEquals(looping.path(), top.getSource().getPath(), "the loop runs in the looping program's file");

        session.setBreakpoints(looping.path(), ClientSession.breakpoint(looping.loopLine()));
        StoppedEventArguments hit = session.continueToNextStop(paused.getThreadId());
        assertEquals(StoppedEventArgumentsReason.BREAKPOINT, hit.getReason(), "the paused loop goes on when continued");
        long before = counter(session, session.topFrame(hit.getThreadId()).getId(), looping);
        StoppedEventArguments next = session.continueToNextStop(hit.getThreadId());
        long after = counter(session, session.topFrame(next.getThreadId()).getId(), looping);
        assertTrue(after > before, "one more pass of the loop: " + looping.counterExpression() + " was " + before
                + ", then " + after);

        session.setBreakpoints(looping.path());
        session.resume(next.getThreadId());
        pause(session, threadId);
        terminate(session);
    }

    @Test
    public void stopsOnAnUncaughtError() throws Exception {
        RaisingProgram raising = require(ConformanceProgram::raising, "raising program");
        ClientSession session = openSession();
        session.initialize();
        List<String> filters = session.capabilities().getExceptionBreakpointFilters() == null ? List.of()
                : List.of(session.capabilities().getExceptionBreakpointFilters()).stream().map(ExceptionBreakpointsFilter::getFilter).toList();
        assertTrue(filters.contains(raising.uncaughtFilter()), "the capabilities offer the exception filter '"
                + raising.uncaughtFilter() + "'; they offer " + filters);
        session.start("launch", raising.launchArguments(), s -> {
            SetExceptionBreakpointsArguments exceptions = new SetExceptionBreakpointsArguments();
            exceptions.setFilters(new String[] {raising.uncaughtFilter()});
            s.client().request("setExceptionBreakpoints", exceptions, Void.class, ClientSession.WAIT);
        });

        StoppedEventArguments stop = session.awaitStopped();
        assertEquals(StoppedEventArgumentsReason.EXCEPTION, stop.getReason());
        assertAt(raising.path(), raising.raiseLine(), session.topFrame(stop.getThreadId()), "the error's frame");
        if (Boolean.TRUE.equals(session.capabilities().getSupportsExceptionInfoRequest())) {
            ExceptionInfoArguments arguments = new ExceptionInfoArguments();
            arguments.setThreadId(stop.getThreadId());
            ExceptionInfoResponse info = session.client().request("exceptionInfo", arguments, ExceptionInfoResponse.class,
                    ClientSession.WAIT);
            assertNotNull(info.getExceptionId(), "exceptionInfo names the error");
        }
        session.resume(stop.getThreadId());
        assertNotEquals(0, session.awaitExited(), "a program that dies of an error exits with a code other than 0");
        session.awaitTerminated();
    }

    @Test
    public void terminateEndsARunningProgram() throws Exception {
        LoopingProgram looping = require(ConformanceProgram::looping, "looping program");
        ClientSession session = launched(looping.launchArguments());
        requireCapability(session.capabilities().getSupportsTerminateRequest(), "supportsTerminateRequest");
        terminate(session);
        assertEquals(0, session.count("stopped"), "terminate ends the program without stopping it");
    }

    @Test
    public void terminateEndsAStoppedProgram() throws Exception {
        Stopped at = stoppedAtCall();
        requireCapability(at.session().capabilities().getSupportsTerminateRequest(), "supportsTerminateRequest");
        terminate(at.session());
        assertTrue(at.session().outputLines().stream().noneMatch(l -> l.contains("total 10")),
                "a program terminated in its loop never prints its total");
    }

    /** Terminates the debuggee and waits for its end. */
    static void terminate(ClientSession session) {
        session.client().request("terminate", new TerminateArguments(), Void.class, ClientSession.WAIT);
        session.awaitExited();
        session.awaitTerminated();
    }

    /** Pauses a running program and waits for the stop. */
    private static StoppedEventArguments pause(ClientSession session, int threadId) {
        PauseArguments pause = new PauseArguments();
        pause.setThreadId(threadId);
        session.client().request("pause", pause, Void.class, ClientSession.WAIT);
        StoppedEventArguments stop = session.awaitStopped();
        assertEquals(StoppedEventArgumentsReason.PAUSE, stop.getReason(), "the reason of a stop after pause");
        return stop;
    }

    /** Program output comes before {@code exited} and {@code terminated}: a client that leaves then has it all. */
    private static void assertOutputBeforeTheEnd(ClientSession session) {
        List<String> order = session.client().events().stream().map(Event::event)
                .filter(n -> n.equals("output") || n.equals("exited") || n.equals("terminated")).toList();
        int lastOutput = order.lastIndexOf("output");
        assertTrue(lastOutput < order.indexOf("exited") && lastOutput < order.indexOf("terminated"),
                "output events come before exited and terminated; the order was " + order);
    }
}
