package dev.dapkit.testkit.fake;

import static dev.dapkit.testkit.fake.ServedFakeSession.breakpoint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fake target driven through the real engine by a scripted client, as an IDE drives an
 * adapter: where the engine's conditions, hit counts and logpoints meet the target's stepping.
 */
class FakeTargetThroughServerTest {

    /** The canonical program: a function called in a loop. */
    static final String PROGRAM = String.join("\n",
            "def add(a, b):",               // 1
            "    return a + b",             // 2
            "",                             // 3
            "total = 0",                    // 4
            "for i in range(6):",           // 5
            "    total = add(total, i)",    // 6
            "    mark = i",                 // 7
            "print(\"total\", total)",      // 8
            "exit(3)");                     // 9

    private ServedFakeSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.client.assertNoSchemaViolations();
            session.client.assertNoProtocolErrors();
            session.close();
        }
    }

    private ServedFakeSession serve(String program) {
        session = ServedFakeSession.of(program);
        return session;
    }

    @Test
    void theCanonicalScenarioFromBreakpointsToExit() {
        ServedFakeSession s = serve(PROGRAM);
        Capabilities caps = s.initialize(false);
        assertTrue(caps.getSupportsConditionalBreakpoints() && caps.getSupportsHitConditionalBreakpoints()
                && caps.getSupportsLogPoints() && caps.getSupportsCancelRequest());
        Breakpoint[] placed = s.launch(false,
                breakpoint(2, "i == 3", null, null),
                breakpoint(7, null, "% 2", null),
                breakpoint(8, null, null, "total is {total}"));
        assertTrue(Arrays.stream(placed).allMatch(Breakpoint::isVerified), Arrays.toString(placed));
        int inAdd = placed[0].getId();
        int everyOther = placed[1].getId();

        // hit 1 of line 7 (i == 0) and the calls with i < 3 pass unseen
        StoppedEventArguments first = s.stopped();
        assertEquals("breakpoint", first.getReason());
        assertArrayEquals(new Integer[] {everyOther}, first.getHitBreakpointIds());
        StackFrame[] stack = s.stack();
        assertEquals(1, stack.length);
        assertEquals("<module>", stack[0].getName());
        assertEquals(7, stack[0].getLine());
        assertEquals(TargetDriver.MAIN, stack[0].getSource().getPath());
        Scope[] scopes = s.scopes(stack[0].getId());
        assertEquals(List.of("Locals", "Globals"), Arrays.stream(scopes).map(Scope::getName).toList());
        Map<String, Variable> globals = s.variables(scopes[1].getVariablesReference());
        assertEquals("1", globals.get("i").getValue());
        assertEquals("1", globals.get("total").getValue(), "0 + 0, then 0 + 1");
        assertEquals("int", globals.get("total").getType());
        assertEquals(globals.size(), scopes[1].getNamedVariables());
        assertEquals("10", s.evaluate("total * 10", stack[0].getId()).getResult());

        StoppedEventArguments conditional = s.continueAndStop();
        assertArrayEquals(new Integer[] {inAdd}, conditional.getHitBreakpointIds());
        assertEquals(List.of("add:2", "<module>:6"),
                Arrays.stream(s.stack()).map(f -> f.getName() + ":" + f.getLine()).toList());
        Map<String, Variable> locals = s.variables(s.scopes(s.stack()[0].getId())[0].getVariablesReference());
        assertEquals("3", locals.get("a").getValue(), "0 + 1 + 2");
        assertEquals("3", locals.get("b").getValue());
        assertEquals("6", s.valueOf("a + b"));

        assertEquals("step", s.stepOut().getReason());
        assertEquals("<module>:6", s.where(), "stepOut stops on the line of the call");
        StoppedEventArguments ontoLine7 = s.next();
        assertEquals("step", ontoLine7.getReason(), "a step onto a breakpoint's line is a step");
        assertArrayEquals(new Integer[] {everyOther}, ontoLine7.getHitBreakpointIds(),
                "hit 4 of '% 2' (i == 3) fires, and the step says so");
        assertEquals("<module>:7", s.where());

        assertEquals("<module>:5", where(s.next()));
        assertEquals("<module>:6", where(s.stepIn()), "the for header calls nothing of the program");
        StoppedEventArguments intoAdd = s.stepIn();
        assertEquals("step", intoAdd.getReason());
        assertEquals("add:2", s.where());
        assertNull(intoAdd.getHitBreakpointIds(), "i == 3 is false now");

        StoppedEventArguments sixth = s.continueAndStop();
        assertArrayEquals(new Integer[] {everyOther}, sixth.getHitBreakpointIds());
        assertEquals("5", s.valueOf("i"), "the step's hit was counted: i == 4 was hit 5, i == 5 is hit 6");

        s.resume();
        assertEquals(3, s.awaitExit());
        assertEquals("total is 15\n", s.output("console"), "the logpoint wrote and did not stop");
        assertEquals("total 15\n", s.output("stdout"));
        assertEquals(8, s.client.events().stream().filter(e -> e.event().equals("stopped")).count(),
                "three breakpoint stops and five steps: no filtered stop leaked");
    }

    private String where(StoppedEventArguments stop) {
        assertEquals("step", stop.getReason());
        return session.where();
    }

    @Test
    void nextOverACallWhoseBreakpointConditionIsFalseStopsOnTheNextLine() {
        ServedFakeSession s = serve(PROGRAM);
        s.initialize(false);
        s.launch(false, breakpoint(6, null, null, null));
        assertEquals("<module>:6", where(s, s.stopped(), "breakpoint"));
        s.setBreakpoints(breakpoint(2, "b == 99", null, null));

        StoppedEventArguments next = s.next();
        assertEquals("step", next.getReason(), "the next must complete, not run on to a later stop");
        assertEquals("<module>:7", s.where());
        assertEquals("0", s.valueOf("i"), "still the first pass of the loop");
        assertFalse(s.output("stdout").contains("total"), "the program did not run on");
    }

    @Test
    void stepOutAndNextThroughALogpointCompleteAndLog() {
        ServedFakeSession s = serve(String.join("\n",
                "def inner(n):",        // 1
                "    return n * 2",     // 2
                "def outer(n):",        // 3
                "    m = inner(n)",     // 4
                "    return m + 1",     // 5
                "r = outer(1)",         // 6
                "r = outer(r)",         // 7
                "print(r)"));           // 8
        s.initialize(false);
        s.launch(false, breakpoint(4, null, null, null));
        assertEquals("outer:4", where(s, s.stopped(), "breakpoint"));
        s.setBreakpoints(breakpoint(2, null, null, "inner {n}"));

        assertEquals("<module>:6", where(s, s.stepOut(), "step"), "the stepOut went on past the logpoint");
        assertEquals("<module>:7", where(s, s.next(), "step"));
        assertEquals("<module>:8", where(s, s.next(), "step"), "the next went on past the logpoint");
        assertEquals("inner 1\ninner 3\n", s.output("console"));
        s.resume();
        assertEquals(0, s.awaitExit());
        assertEquals("7\n", s.output("stdout"));
    }

    private static String where(ServedFakeSession s, StoppedEventArguments stop, String reason) {
        assertEquals(reason, stop.getReason());
        return s.where();
    }
}
