package dev.dapkit.testkit.fake;

import static dev.dapkit.testkit.fake.TargetDriver.CANONICAL;
import static dev.dapkit.testkit.fake.TargetDriver.MAIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.FunctionBreakpoints.FunctionBreakpoint;
import dev.dapkit.server.spi.StackTracePage;
import dev.dapkit.server.spi.StepOptions;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetScope;
import dev.dapkit.server.spi.TargetVariable;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.ProcessEventArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.SteppingGranularity;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drives the fake target directly through the SPI: launch, breakpoints, inspection, stepping, end. */
class FakeTargetTest {

    private TargetDriver driver;

    @AfterEach
    void endProgram() {
        if (driver != null) {
            driver.close();
        }
    }

    private TargetDriver launch(String program, boolean stopOnEntry) throws TargetException {
        driver = TargetDriver.forProgram(program).launch(stopOnEntry);
        return driver;
    }

    @Test
    void canonicalScenarioFromBreakpointToExit() throws Exception {
        TargetDriver d = launch(CANONICAL, false);
        Breakpoint bp = d.breakpoints(MAIN, 6).get(0);
        assertTrue(bp.isVerified());
        assertEquals(6, bp.getLine());
        assertEquals("process", d.context.kinds().get(0));

        StoppedEventArguments first = d.configurationDoneAndStop();
        assertEquals("breakpoint", first.getReason());
        assertEquals(1, first.getThreadId());
        assertTrue(first.getAllThreadsStopped());
        assertArrayEquals(new Integer[] {bp.getId()}, first.getHitBreakpointIds());

        StackTracePage page = d.target.stackTrace(1, 0, 0);
        assertEquals(1, page.totalFrames());
        StackFrame top = page.frames().get(0).describe();
        assertEquals("<module>", top.getName());
        assertEquals(6, top.getLine());
        assertEquals(MAIN, top.getSource().getPath());
        assertEquals("main.fake", top.getSource().getName());

        List<TargetScope> scopes = d.target.scopes(page.frames().get(0));
        assertEquals(List.of("Locals", "Globals"), scopes.stream().map(s -> s.scope().getName()).toList());
        Map<String, TargetVariable> globals = d.scope(1, 1);
        assertEquals("0", globals.get("total").variable().getValue());
        assertEquals("int", globals.get("total").variable().getType());
        assertEquals("0", globals.get("i").variable().getValue());
        assertEquals("<function add(a, b)>", globals.get("add").variable().getValue());

        StoppedEventArguments second = d.resumeAndStop();
        assertEquals("breakpoint", second.getReason());
        assertEquals("10", d.evaluate(1, "total + i * 10"));
        assertEquals("True", d.evaluate(1, "i == 1 and total == 0"));

        assertEquals("step", d.stepIn(1).getReason());
        assertEquals("add:2", d.where(1));
        assertEquals(List.of("add", "<module>"), d.stack(1).stream().map(StackFrame::getName).toList());
        Map<String, TargetVariable> locals = d.scope(1, 0);
        assertEquals(List.of("a", "b"), List.copyOf(locals.keySet()));
        assertEquals("1", locals.get("b").variable().getValue());

        assertEquals("step", d.stepOut(1).getReason());
        assertEquals("<module>:6", d.where(1), "stepOut stops in the caller on the line of the call");
        assertEquals("0", d.evaluate(1, "total"), "the call returned but its assignment has not run yet");
        d.next(1);
        assertEquals("<module>:5", d.where(1), "the for header is a stop point before each pass");
        assertEquals("1", d.evaluate(1, "total"));
        d.next(1);
        assertEquals("<module>:6", d.where(1));

        d.breakpoints(MAIN);
        d.target.resume(1, true);
        assertEquals(0, d.context.await("exited", Integer.class, c -> true));
        d.context.await("terminated", String.class, t -> true);
        assertEquals("total 10\n", d.context.output("stdout"));
    }

    @Test
    void nextStepsOverTheCallAndStepInFromALineWithoutCallsGoesToTheNextLine() throws Exception {
        TargetDriver d = launch(CANONICAL, false);
        d.breakpoints(MAIN, 6);
        d.configurationDoneAndStop();
        d.breakpoints(MAIN);
        assertEquals("step", d.next(1).getReason());
        assertEquals("<module>:5", d.where(1));
        d.stepIn(1);
        assertEquals("<module>:6", d.where(1), "the for header calls no function of the program");
        d.stepIn(1);
        assertEquals("add:2", d.where(1));
        d.next(1);
        assertEquals("<module>:6", d.where(1), "next from a return stops in the caller");
    }

    @Test
    void stopOnEntryStopsBeforeTheFirstStatementNotOnADef() throws Exception {
        TargetDriver d = launch(CANONICAL, true);
        StoppedEventArguments entry = d.configurationDoneAndStop();
        assertEquals("entry", entry.getReason());
        assertEquals("<module>:4", d.where(1));
        assertEquals(List.of(), List.copyOf(d.scope(1, 0).keySet().stream().filter(n -> n.equals("total")).toList()),
                "nothing has run yet");
    }

    @Test
    void lineBreakpointsMoveToTheNextStatementOrSayWhyTheyCannotBePlaced() throws Exception {
        TargetDriver d = launch(CANONICAL + "\n# the end\n", false);
        List<Breakpoint> placed = d.breakpoints(MAIN, 3, 1, 6, 10);
        assertEquals(List.of(true, true, true, false), placed.stream().map(Breakpoint::isVerified).toList());
        assertEquals(4, placed.get(0).getLine(), "a blank line moves to the next statement");
        assertEquals(2, placed.get(1).getLine(), "a def line moves to the function's first statement");
        assertEquals(6, placed.get(2).getLine());
        assertTrue(placed.get(3).getMessage().contains("line 10 of main.fake"), placed.get(3).getMessage());

        List<Breakpoint> elsewhere = d.breakpoints("/remote/app/other.fake", 1);
        assertFalse(elsewhere.get(0).isVerified());
        assertTrue(elsewhere.get(0).getMessage().contains("/remote/app/other.fake"), elsewhere.get(0).getMessage());
        assertTrue(elsewhere.get(0).getMessage().contains(MAIN), "names the files the program has");

        StoppedEventArguments stop = d.configurationDoneAndStop();
        assertArrayEquals(new Integer[] {placed.get(0).getId()}, stop.getHitBreakpointIds());
        assertEquals("<module>:4", d.where(1));
        assertArrayEquals(new Integer[] {placed.get(2).getId()}, d.resumeAndStop().getHitBreakpointIds());
        StoppedEventArguments inAdd = d.resumeAndStop();
        assertArrayEquals(new Integer[] {placed.get(1).getId()}, inAdd.getHitBreakpointIds());
        assertEquals("add:2", d.where(1));
    }

    @Test
    void functionBreakpointsStopOnTheFunctionsFirstStatement() throws Exception {
        TargetDriver d = launch(CANONICAL, false);
        List<Breakpoint> placed = d.target.setFunctionBreakpoints(List.of(new FunctionBreakpoint(7, "add", null, null),
                new FunctionBreakpoint(8, "nope", null, null)));
        assertTrue(placed.get(0).isVerified());
        assertEquals(2, placed.get(0).getLine());
        assertFalse(placed.get(1).isVerified());
        assertTrue(placed.get(1).getMessage().contains("'nope'") && placed.get(1).getMessage().contains("add"),
                placed.get(1).getMessage());

        StoppedEventArguments stop = d.configurationDoneAndStop();
        assertEquals("function breakpoint", stop.getReason());
        assertArrayEquals(new Integer[] {7}, stop.getHitBreakpointIds());
        assertEquals("add:2", d.where(1));
        assertEquals("0", d.evaluate(1, "b"));
    }

    @Test
    void pauseStopsARunningProgramAndTerminateEndsIt() throws Exception {
        TargetDriver d = launch(String.join("\n",
                "n = 0",
                "for i in range(1000000):",
                "    for j in range(1000000):",
                "        n = n + 1"), false);
        d.target.configurationDone();
        assertThrows(TargetException.class, () -> d.target.stackTrace(1, 0, 0), "not stopped yet, or about to be");
        d.target.pause(1);
        StoppedEventArguments paused = d.context.awaitStopped();
        assertEquals("pause", paused.getReason());
        assertEquals(1, paused.getThreadId());
        assertTrue(List.of(1, 2, 3, 4).contains(d.stack(1).get(0).getLine()), d.where(1));

        d.target.terminate();
        assertEquals(FakeProgram.TERMINATED_EXIT_CODE, d.context.await("exited", Integer.class, c -> true));
        d.context.await("terminated", String.class, t -> true);
        assertEquals(List.of(), d.target.threads());
    }

    @Test
    void aProgramTerminatedBeforeConfigurationDoneNeverRuns() throws Exception {
        TargetDriver d = launch("print(\"ran\")", false);
        d.target.terminate();
        assertEquals(FakeProgram.TERMINATED_EXIT_CODE, d.context.await("exited", Integer.class, c -> true));
        d.context.await("terminated", String.class, t -> true);
        d.target.configurationDone();
        assertEquals("", d.context.output("stdout"));
    }

    @Test
    void requestsThatNeedAStoppedProgramSaySoWhileItRuns() throws Exception {
        TargetDriver d = launch("for i in range(1000000):\n    for j in range(1000000):\n        pass", false);
        d.target.configurationDone();
        TargetException e = assertThrows(TargetException.class, () -> d.target.next(1, StepOptions.DEFAULT));
        assertEquals("notStopped", e.reason());
        assertTrue(e.getMessage().contains("next"), e.getMessage());
    }

    @Test
    void setVariableChangesWhatTheProgramComputes() throws Exception {
        TargetDriver d = launch(CANONICAL, false);
        d.breakpoints(MAIN, 6);
        d.configurationDoneAndStop();
        TargetScope globals = d.target.scopes(d.topFrame(1)).get(1);
        TargetVariable set = d.target.setVariable(globals.variables(), "total", "50 * 2");
        assertEquals("100", set.variable().getValue());
        assertThrows(TargetException.class, () -> d.target.setVariable(globals.variables(), "nothing", "1"));
        d.breakpoints(MAIN);
        d.target.resume(1, true);
        assertEquals("total 110\n", d.context.awaitOutput("total"));
    }

    @Test
    void evaluationErrorsAndBadSyntaxAreTargetErrors() throws Exception {
        TargetDriver d = launch(CANONICAL, true);
        d.configurationDoneAndStop();
        TargetException failed = assertThrows(TargetException.class, () -> d.evaluate(1, "nothing + 1"));
        assertTrue(failed.getMessage().contains("name 'nothing' is not defined"), failed.getMessage());
        TargetException syntax = assertThrows(TargetException.class, () -> d.evaluate(1, "1 +"));
        assertTrue(syntax.getMessage().contains("column 4"), syntax.getMessage());
        TargetVariable global = d.target.evaluate(null, "add(2, 3)", EvaluationContext.WATCH);
        assertEquals("5", global.variable().getValue());
    }

    @Test
    void threadsAreListedAndAnnouncedAndTheStopNamesTheThreadThatHitTheBreakpoint() throws Exception {
        TargetDriver d = launch(String.join("\n",
                "def worker(n):",
                "    for k in range(n):",
                "        print(\"worker\", k)",
                "spawn worker(2)",
                "for k in range(3):",
                "    print(\"main\", k)"), false);
        d.breakpoints(MAIN, 3);
        StoppedEventArguments stop = d.configurationDoneAndStop();
        assertEquals(2, stop.getThreadId());
        assertTrue(stop.getAllThreadsStopped());
        assertEquals(List.of("main", "worker"), d.target.threads().stream().map(t -> t.getName()).toList());
        assertEquals("worker:3", d.where(2));
        assertEquals("<module>", d.stack(1).get(0).getName());
        d.context.await("thread", ThreadEventArguments.class, t -> t.getThreadId() == 2 && t.getReason().equals("started"));

        d.breakpoints(MAIN);
        d.target.resume(2, false);
        d.context.await("thread", ThreadEventArguments.class, t -> t.getThreadId() == 2 && t.getReason().equals("exited"));
        assertEquals(0, d.context.await("exited", Integer.class, c -> true));
        String out = d.context.output("stdout");
        assertEquals(5, out.lines().count(), out);
    }

    @Test
    void statementGranularityStopsOnEachStatementOfALine() throws Exception {
        TargetDriver d = launch("x = 1; y = 2\nz = x + y", true);
        d.configurationDoneAndStop();
        StackFrame entry = d.stack(1).get(0);
        assertEquals(List.of(1, 1), List.of(entry.getLine(), entry.getColumn()));
        d.target.next(1, new StepOptions(SteppingGranularity.STATEMENT, false));
        d.context.awaitStopped();
        StackFrame second = d.stack(1).get(0);
        assertEquals(List.of(1, 8), List.of(second.getLine(), second.getColumn()));
        d.next(1);
        assertEquals("<module>:2", d.where(1));
        assertEquals("2", d.evaluate(1, "y"));
    }

    @Test
    void launchSaysWhatIsWrongWithItsArguments() {
        driver = TargetDriver.forProgram("x = (1");
        TargetException noProgram = assertThrows(TargetException.class, () -> driver.target.launch(RawJson.parse("{}")));
        assertEquals(3001, noProgram.error().id());
        TargetException syntax = assertThrows(TargetException.class, () -> driver.launch(false));
        assertTrue(syntax.getMessage().contains(MAIN + ":1:7"), syntax.getMessage());
        TargetException missing = assertThrows(TargetException.class,
                () -> driver.target.launch(RawJson.parse("{\"program\": \"/nowhere.fake\"}")));
        assertTrue(missing.getMessage().contains("/nowhere.fake"), missing.getMessage());
        assertEquals(3004, assertThrows(TargetException.class, () -> driver.target.pause(1)).error().id());
    }

    @Test
    void launchMayCarryItsOwnSources() throws Exception {
        driver = new TargetDriver(new FakeTargetProvider());
        driver.target.launch(RawJson.from(Map.of("program", "/inline/p.fake", "args", List.of("a", "b"),
                "sources", Map.of("/inline/p.fake", "print(argv)"))));
        ProcessEventArguments process = driver.context.await("process", ProcessEventArguments.class, p -> true);
        assertEquals("/inline/p.fake", process.getName());
        driver.target.configurationDone();
        assertEquals("[\"a\", \"b\"]\n", driver.context.awaitOutput("]"));
        assertNull(driver.context.all().stream().filter(r -> r.kind().equals("stopped")).findAny().orElse(null));
    }
}
