package dev.dapkit.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.samples.demo.Inventory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code dapkit demo} runs in this JVM against a real debuggee JVM and prints what the sample
 * really holds at each stop: the expected values are computed from {@link Inventory#sample()},
 * the expected lines from the sample's source.
 */
class DemoCommandTest {

    private static int exit;
    private static String transcript;
    private static String errors;
    private static int loopLine;
    private static int nextLine;

    @BeforeAll
    static void runDemo() throws Exception {
        try (BundledSample sample = BundledSample.extract()) {
            loopLine = sample.lineOf(DemoScript.LOOP_LINE);
            nextLine = sample.lineOf(DemoScript.NEXT_LINE);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = DapkitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        exit = commandLine.execute("demo");
        transcript = out.toString();
        errors = err.toString();
    }

    @Test
    void endsWithExitCodeZeroAndNothingOnStderr() {
        assertEquals(0, exit, () -> "demo failed:\n" + transcript + "\nstderr:\n" + errors);
        assertEquals("", errors.strip());
        assertTrue(transcript.contains("exited: code 0") && transcript.contains("terminated"), transcript);
    }

    @Test
    void stopsAtTheBreakpointAndShowsTheStack() {
        assertInOrder(
                "setBreakpoints Inventory.java:" + loopLine,
                "stopped: breakpoint at Inventory.total() (Inventory.java:" + loopLine + ")",
                "#0  Inventory.total()",
                "#1  Inventory.main(String[])");
    }

    @Test
    void showsLocalsAndEvaluatesAtTheFirstStop() {
        Inventory inventory = Inventory.sample();
        assertInOrder(
                "variables Locals",
                "total  0",
                "i      0",
                "evaluate " + DemoScript.EXPRESSION,
                "← \"" + inventory.nameOf(0) + "\"");
    }

    @Test
    void stepOverLandsOnTheNextLineWithTheCallsResult() {
        assertInOrder(
                "→ next",
                "stopped: step at Inventory.total() (Inventory.java:" + nextLine + ")",
                "value = " + Inventory.sample().valueOf(0));
    }

    @Test
    void conditionalBreakpointStopsOnlyWhenTheConditionHolds() {
        Inventory inventory = Inventory.sample();
        int index = DemoScript.CONDITION_INDEX;
        int totalBefore = 0;
        for (int i = 0; i < index; i++) {
            totalBefore += inventory.valueOf(i);
        }
        assertInOrder(
                "setBreakpoints Inventory.java:" + loopLine + " if i == " + index,
                "→ continue",
                "stopped: breakpoint at Inventory.total() (Inventory.java:" + loopLine + ")",
                "i = " + index + ", total = " + totalBefore,
                "← \"" + inventory.nameOf(index) + "\"");
    }

    @Test
    void runsToTheEndWithTheProgramsOutput() {
        Inventory inventory = Inventory.sample();
        // the program's output and 'exited' come from different sources (a pipe, JDI), so no order between them
        assertInOrder(
                "setBreakpoints Inventory.java (none)",
                "output (stdout): stock value of " + inventory.size() + " items: " + inventory.total() + " cents");
        assertInOrder(
                "setBreakpoints Inventory.java (none)",
                "exited: code 0",
                "terminated",
                "demo finished");
    }

    private static void assertInOrder(String... expected) {
        int from = 0;
        for (String text : List.of(expected)) {
            int at = transcript.indexOf(text, from);
            if (at < 0) {
                int anywhere = transcript.indexOf(text);
                throw new AssertionError("'" + text + "' " + (anywhere < 0 ? "is not in" : "is out of order in")
                        + " the transcript (exit " + exit + "):\n" + transcript + "\nstderr:\n" + errors);
            }
            from = at + text.length();
        }
    }
}
