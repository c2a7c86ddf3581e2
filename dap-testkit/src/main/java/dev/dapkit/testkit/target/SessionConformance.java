package dev.dapkit.testkit.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.Response;
import dev.dapkit.testkit.client.WireMessage;
import dev.dapkit.testkit.target.ConformanceProgram.LoopingProgram;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The life of a session: {@code initialize} and its capabilities, the order of the start-up
 * messages, disconnecting, and attaching to a running debuggee, detaching and attaching again.
 */
public abstract class SessionConformance extends ConformanceScenarios {

    /** How many sessions the re-attach scenario runs against one debuggee: the first and three more. */
    static final int ATTACH_ROUNDS = 4;

    @Test
    public void initializeAnswersWithSaneCapabilitiesThenSendsInitialized() throws Exception {
        ClientSession session = openSession();
        Capabilities capabilities = session.initialize();
        assertTrue(Boolean.TRUE.equals(capabilities.getSupportsConfigurationDoneRequest()),
                "supportsConfigurationDoneRequest: the suite, like VS Code, ends the configuration with it");
        Set<String> filters = new HashSet<>();
        ExceptionBreakpointsFilter[] offered = capabilities.getExceptionBreakpointFilters();
        for (ExceptionBreakpointsFilter f : offered == null ? new ExceptionBreakpointsFilter[0] : offered) {
            assertTrue(f.getFilter() != null && !f.getFilter().isBlank(), "an exception filter has an id");
            assertTrue(f.getLabel() != null && !f.getLabel().isBlank(), "exception filter '" + f.getFilter()
                    + "' has a label to show");
            assertTrue(filters.add(f.getFilter()), "exception filter ids are unique: " + f.getFilter());
        }
        List<WireMessage> wire = session.client().wireLog();
        assertTrue(indexOf(wire, m -> m instanceof Response r && r.command().equals("initialize"))
                < indexOf(wire, m -> m instanceof Event e && e.event().equals("initialized")),
                "the initialized event comes after the initialize response");
    }

    @Test
    public void launchIsAnsweredOnlyAfterConfigurationDone() throws Exception {
        ClientSession session = openSession();
        session.launch(program().launchArguments(), program().mainPath(), ClientSession.breakpoint(program().lines().call()));
        List<WireMessage> wire = session.client().wireLog();
        int configured = indexOf(wire, m -> m instanceof Response r && r.command().equals("configurationDone"));
        int launched = indexOf(wire, m -> m instanceof Response r && r.command().equals("launch"));
        assertTrue(configured >= 0 && configured < launched, "the launch response (at " + launched
                + ") comes after the configurationDone response (at " + configured + ")");
        session.awaitStopped();
    }

    @Test
    public void disconnectFromAStoppedLaunchIsAnswered() throws Exception {
        Stopped at = stoppedAtCall();
        DisconnectArguments arguments = new DisconnectArguments();
        arguments.setTerminateDebuggee(true);
        Response response = at.session().client().requestResponse("disconnect", arguments, ClientSession.WAIT);
        assertTrue(response.success(), "disconnect succeeds: " + response.message());
    }

    @Test
    public void attachStopsAtABreakpointAndDetachingLeavesTheDebuggeeRunning() throws Exception {
        AttachableDebuggee debuggee = startAttachable();
        LoopingProgram looping = require(ConformanceProgram::looping, "looping program (the attach landmarks)");
        attachStopAndDetach(debuggee, looping, -1);
        assertTrue(debuggee.isRunning(), "the debuggee runs on after the client detached");
    }

    @Test
    public void reattachingAgainAndAgainFindsTheDebuggeeRunningOn() throws Exception {
        AttachableDebuggee debuggee = startAttachable();
        Assumptions.assumeTrue(debuggee.reattachable(), "this target's attachable debuggee takes one session only ("
                + debuggee + "), so the re-attach scenario is skipped");
        LoopingProgram looping = require(ConformanceProgram::looping, "looping program (the attach landmarks)");
        List<Long> counts = new ArrayList<>();
        long count = -1;
        for (int round = 1; round <= ATTACH_ROUNDS; round++) {
            count = attachStopAndDetach(debuggee, looping, count);
            counts.add(count);
        }
        assertTrue(debuggee.isRunning(), "the debuggee runs on after " + ATTACH_ROUNDS + " sessions; "
                + looping.counterExpression() + " was " + counts);
    }

    /**
     * Attaches a new session with a breakpoint in the loop, checks the stop and that the counter
     * grew past {@code previous}, and detaches with {@code terminateDebuggee: false}.
     *
     * @return the counter at the stop
     */
    private long attachStopAndDetach(AttachableDebuggee debuggee, LoopingProgram looping, long previous)
            throws Exception {
        ClientSession session = openSession(debuggee);
        List<Breakpoint> placed = new ArrayList<>();
        session.start("attach", debuggee.attachArguments(),
                s -> placed.addAll(s.setBreakpoints(looping.path(), ClientSession.breakpoint(looping.loopLine()))));
        assertTrue(placed.get(0).isVerified(), "the loop's breakpoint is verified: " + placed.get(0).getMessage());
        StoppedEventArguments stop = session.awaitStopped();
        assertEquals(StoppedEventArgumentsReason.BREAKPOINT, stop.getReason());
        assertAt(looping.path(), looping.loopLine(), session.topFrame(stop.getThreadId()), "the attached stop");
        long count = counter(session, session.topFrame(stop.getThreadId()).getId(), looping);
        assertTrue(count > previous, looping.counterExpression() + " grew since the last session: " + previous
                + " then " + count);

        DisconnectArguments detach = new DisconnectArguments();
        detach.setTerminateDebuggee(false);
        Response response = session.client().requestResponse("disconnect", detach, ClientSession.WAIT);
        assertTrue(response.success(), "detaching succeeds: " + response.message());
        assertEquals(0, session.count("exited"), "detaching does not end the debuggee");
        assertEquals(1, session.count("stopped"), "one stop per session: the breakpoint was hit once");
        return count;
    }

    private static int indexOf(List<WireMessage> wire, Predicate<DapMessage> matches) {
        for (int i = 0; i < wire.size(); i++) {
            if (wire.get(i).direction() == WireMessage.Direction.RECEIVED && matches.test(wire.get(i).message())) {
                return i;
            }
        }
        return -1;
    }
}
