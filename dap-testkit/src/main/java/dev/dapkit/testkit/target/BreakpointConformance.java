package dev.dapkit.testkit.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.BreakpointEventArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.Test;

/**
 * Line breakpoints: set before or after the launch, conditions, hit conditions, logpoints, and a
 * file the program does not have. The canonical program calls {@code add} five times, with
 * {@code i} from 0 to 4 and {@code total} 0, 0, 1, 3, 6 before each call.
 */
public abstract class BreakpointConformance extends ConformanceScenarios {

    @Test
    public void breakpointsSetBeforeTheLaunchAreArmedByIt() throws Exception {
        ClientSession session = openSession();
        session.initialize();
        List<Breakpoint> early = session.setBreakpoints(program().mainPath(),
                ClientSession.breakpoint(program().lines().call()));
        Integer id = early.get(0).getId();
        assertNotNull(id, "a breakpoint set before the launch has an id already, for later breakpoint events");
        session.start("launch", program().launchArguments(), s -> { });

        StoppedEventArguments stop = session.awaitStopped();
        assertEquals(StoppedEventArgumentsReason.BREAKPOINT, stop.getReason());
        assertArrayEquals(new Integer[] {id}, stop.getHitBreakpointIds(), "the stop names the early breakpoint");
        assertEquals(program().lines().call(), line(session, stop.getThreadId()));
        if (!Boolean.TRUE.equals(early.get(0).isVerified())) {
            BreakpointEventArguments change = session.client().awaitEvent(BreakpointEventArguments.class,
                    b -> id.equals(b.getBreakpoint().getId()), ClientSession.WAIT);
            assertTrue(change.getBreakpoint().isVerified(), "a breakpoint answered unverified before the launch is"
                    + " reported verified by a breakpoint event once the target has it");
        }
    }

    @Test
    public void aBreakpointSetWhileTheProgramRunsIsHit() throws Exception {
        ConformanceProgram.LoopingProgram looping = require(ConformanceProgram::looping, "looping program");
        ClientSession session = launched(looping.launchArguments());
        List<Breakpoint> placed = session.setBreakpoints(looping.path(), ClientSession.breakpoint(looping.loopLine()));
        assertTrue(placed.get(0).isVerified(), "a breakpoint set while running is verified: " + placed.get(0).getMessage());
        StoppedEventArguments stop = session.awaitStopped();
        assertEquals(StoppedEventArgumentsReason.BREAKPOINT, stop.getReason());
        assertArrayEquals(new Integer[] {placed.get(0).getId()}, stop.getHitBreakpointIds());
        assertEquals(looping.loopLine(), line(session, stop.getThreadId()));
    }

    @Test
    public void conditionalBreakpointStopsOnlyWhereTheConditionHolds() throws Exception {
        List<Integer> stops = stopsOfIAt(conditional("i == 3"), "supportsConditionalBreakpoints");
        assertEquals(List.of(3), stops, "values of i at the stops of a breakpoint with condition 'i == 3'");
    }

    @Test
    public void hitConditionAtLeast4StopsFromTheFourthHitOn() throws Exception {
        assertEquals(List.of(3, 4), stopsOfIAt(hitCondition(">= 4"), "supportsHitConditionalBreakpoints"));
    }

    @Test
    public void hitConditionModulo2StopsOnEverySecondHit() throws Exception {
        assertEquals(List.of(1, 3), stopsOfIAt(hitCondition("% 2"), "supportsHitConditionalBreakpoints"));
    }

    @Test
    public void hitConditionEquals2StopsOnTheSecondHitOnly() throws Exception {
        assertEquals(List.of(1), stopsOfIAt(hitCondition("== 2"), "supportsHitConditionalBreakpoints"));
    }

    @Test
    public void anInvalidHitConditionIsUnverifiedWithAMessageAndNeverStops() throws Exception {
        ClientSession session = openSession();
        session.initialize();
        requireCapability(session.capabilities().getSupportsHitConditionalBreakpoints(), "supportsHitConditionalBreakpoints");
        List<Breakpoint> placed = session.launch(program().launchArguments(), program().mainPath(),
                hitCondition("every other time"));
        assertFalse(Boolean.TRUE.equals(placed.get(0).isVerified()), "a hit condition that means nothing is not set");
        assertTrue(placed.get(0).getMessage() != null && !placed.get(0).getMessage().isBlank(),
                "the unverified breakpoint says why");
        assertRunsToTheEnd(session);
        assertEquals(0, session.count("stopped"), "a breakpoint that was not set never stops the program");
    }

    @Test
    public void logpointPrintsOnEveryHitAndNeverStops() throws Exception {
        ClientSession session = openSession();
        session.initialize();
        requireCapability(session.capabilities().getSupportsLogPoints(), "supportsLogPoints");
        SourceBreakpoint logpoint = ClientSession.breakpoint(program().lines().call());
        logpoint.setLogMessage("total is {total}");
        List<Breakpoint> placed = session.launch(program().launchArguments(), program().mainPath(), logpoint);
        assertTrue(placed.get(0).isVerified(), "a logpoint on CALL is verified: " + placed.get(0).getMessage());

        assertRunsToTheEnd(session);
        assertEquals(0, session.count("stopped"), "a logpoint never stops the program");
        List<String> logged = session.outputLines().stream().filter(l -> l.startsWith("total is")).toList();
        assertEquals(List.of("total is 0", "total is 0", "total is 1", "total is 3", "total is 6"), logged,
                "one logpoint line per pass, with total's value before each call");
    }

    @Test
    public void breakpointInAFileTheProgramDoesNotHaveIsUnverifiedWithAMessage() throws Exception {
        String missing = missingPath();
        ClientSession session = openSession();
        List<Breakpoint> placed = new ArrayList<>();
        session.start("launch", program().launchArguments(), s -> {
            placed.addAll(s.setBreakpoints(missing, ClientSession.breakpoint(1)));
            s.setBreakpoints(program().mainPath(), ClientSession.breakpoint(program().lines().call()));
        });
        Breakpoint nowhere = placed.get(0);
        assertFalse(Boolean.TRUE.equals(nowhere.isVerified()), "a breakpoint in " + missing + " cannot be verified");
        assertTrue(nowhere.getMessage() != null && !nowhere.getMessage().isBlank(),
                "an unverified breakpoint says why, for the user to read");

        StoppedEventArguments stop = session.awaitStopped();
        assertEquals(program().lines().call(), line(session, stop.getThreadId()),
                "the program stops at the real breakpoint, never for the one in the missing file");
        assertFalse(Arrays.asList(stop.getHitBreakpointIds()).contains(nowhere.getId()));
    }

    /** A client path, next to the main file, of a file the program does not have. */
    private String missingPath() {
        String main = program().mainPath();
        int slash = Math.max(main.lastIndexOf('/'), main.lastIndexOf('\\'));
        return main.substring(0, slash + 1) + "no_such_file" + main.substring(main.lastIndexOf('.') < slash + 1
                ? main.length() : main.lastIndexOf('.'));
    }

    private SourceBreakpoint conditional(String condition) {
        SourceBreakpoint b = ClientSession.breakpoint(program().lines().call());
        b.setCondition(condition);
        return b;
    }

    private SourceBreakpoint hitCondition(String hitCondition) {
        SourceBreakpoint b = ClientSession.breakpoint(program().lines().call());
        b.setHitCondition(hitCondition);
        return b;
    }

    /** Runs the canonical program with {@code breakpoint} on CALL; returns the value of {@code i} at each stop. */
    private List<Integer> stopsOfIAt(SourceBreakpoint breakpoint, String capability) throws Exception {
        ClientSession session = openSession();
        session.initialize();
        requireCapability(capability.equals("supportsConditionalBreakpoints")
                ? session.capabilities().getSupportsConditionalBreakpoints()
                : session.capabilities().getSupportsHitConditionalBreakpoints(), capability);
        List<Breakpoint> placed = session.launch(program().launchArguments(), program().mainPath(), breakpoint);
        assertTrue(placed.get(0).isVerified(), "the breakpoint is verified: " + placed.get(0).getMessage());
        List<Integer> values = new ArrayList<>();
        Event next = session.client().awaitEvent(ClientSession::isStopOrExit, ClientSession.WAIT);
        while (next.event().equals("stopped")) {
            StoppedEventArguments stop = next.body(StoppedEventArguments.class);
            assertEquals(StoppedEventArgumentsReason.BREAKPOINT, stop.getReason());
            assertArrayEquals(new Integer[] {placed.get(0).getId()}, stop.getHitBreakpointIds());
            Variable i = session.visibleVariables(session.topFrame(stop.getThreadId()).getId()).get("i");
            assertNotNull(i, "i is visible at CALL");
            values.add(Integer.valueOf(i.getValue().strip()));
            assertTrue(values.size() <= 5, "the loop has five passes, yet the breakpoint stopped more: " + values);
            session.resume(stop.getThreadId());
            next = session.client().awaitEvent(ClientSession::isStopOrExit, ClientSession.WAIT);
        }
        assertEquals(0, next.body(ExitedEventArguments.class).getExitCode(), "the exit code");
        session.awaitTerminated();
        return values;
    }
}
