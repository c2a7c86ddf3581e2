package dev.dapkit.testkit.fake;

import static dev.dapkit.testkit.fake.TargetDriver.MAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.SourceProvider.SourceContent;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariablesPage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ExceptionBreakMode;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.LoadedSourceEventArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake target's optional capabilities: exceptions, values, paging, cancellation, sources. */
class FakeTargetCapabilitiesTest {

    private static final String RISKY = String.join("\n",
            "def risky(n):",                        // 1
            "    if n > 1:",                        // 2
            "        raise \"too big: \" + str(n)", // 3
            "    return n",                         // 4
            "try:",                                 // 5
            "    risky(5)",                         // 6
            "except e:",                            // 7
            "    print(\"caught\", e)",             // 8
            "risky(7)",                             // 9
            "print(\"not reached\")");              // 10

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
    void theRaisedFilterStopsOnCaughtAndUncaughtErrors() throws Exception {
        TargetDriver d = launch(RISKY, false);
        assertEquals(List.of("raised", "uncaught"), d.target.exceptionFilters().stream().map(f -> f.getFilter()).toList());
        assertTrue(d.target.setExceptionBreakpoints(List.of(FakeTarget.RAISED), List.of(), List.of()).get(0).isVerified());

        StoppedEventArguments caught = d.configurationDoneAndStop();
        assertEquals("exception", caught.getReason());
        assertEquals("too big: 5", caught.getText());
        assertEquals("risky:3", d.where(1));
        ExceptionInfoResponse info = d.target.exceptionInfo(1);
        assertEquals(ExceptionBreakMode.ALWAYS, info.getBreakMode());
        assertEquals("too big: 5", info.getDescription());
        assertTrue(info.getDetails().getStackTrace().contains("at risky (" + MAIN + ":3)"), info.getDetails().getStackTrace());

        d.resumeAndStop();
        assertEquals("7", d.evaluate(1, "n"));
        assertEquals(ExceptionBreakMode.UNHANDLED, d.target.exceptionInfo(1).getBreakMode());
        d.target.resume(1, true);
        assertEquals(1, d.context.await("exited", Integer.class, c -> true), "the main thread died of the error");
        assertEquals("caught too big: 5\n", d.context.output("stdout"));
        assertTrue(d.context.output("stderr").contains("too big: 7"), d.context.output("stderr"));
    }

    @Test
    void theUncaughtFilterStopsOnlyWhereNoTryCatches() throws Exception {
        TargetDriver d = launch(RISKY, false);
        d.target.setExceptionBreakpoints(List.of(FakeTarget.UNCAUGHT), List.of(), List.of());
        StoppedEventArguments stop = d.configurationDoneAndStop();
        assertEquals("exception", stop.getReason());
        assertEquals("7", d.evaluate(1, "n"));
        assertEquals("caught too big: 5\n", d.context.output("stdout"));
        assertThrows(TargetException.class, () -> d.target.exceptionInfo(2));
    }

    @Test
    void untilTheClientSetsFiltersTheDefaultOnesApply() throws Exception {
        TargetDriver d = launch(RISKY, false);
        assertEquals(List.of(false, true), d.target.exceptionFilters().stream().map(f -> f.getDefault_()).toList());
        d.configurationDoneAndStop();
        assertEquals("7", d.evaluate(1, "n"), "only the uncaught error stops");
    }

    @Test
    void withoutFiltersErrorsDoNotStop() throws Exception {
        TargetDriver d = launch(RISKY, false);
        d.target.setExceptionBreakpoints(List.of(), List.of(), List.of());
        d.target.configurationDone();
        assertEquals(1, d.context.await("exited", Integer.class, c -> true));
        assertFalse(d.context.kinds().contains("stopped"));
        assertThrows(TargetException.class, () -> d.target.exceptionInfo(1));
    }

    @Test
    void structuredValuesExpandOneLevelAtATimeEvenWhenTheyContainThemselves() throws Exception {
        TargetDriver d = launch(String.join("\n",
                "a = [1, \"two\"]; append(a, a)",
                "m = {\"k\": a, 2: None}",
                "p = Point{x: 1, me: None}; p.me = p",
                "pass"), false);
        d.breakpoints(MAIN, 4);
        d.configurationDoneAndStop();
        Map<String, TargetVariable> globals = d.scope(1, 1);
        TargetVariable a = globals.get("a");
        assertEquals("[1, \"two\", [...]]", a.variable().getValue());
        assertEquals("list", a.variable().getType());
        assertEquals(3, a.variable().getIndexedVariables());
        Map<String, TargetVariable> items = d.children(a.children());
        assertEquals(List.of("[0]", "[1]", "[2]"), List.copyOf(items.keySet()));
        assertEquals("a[2]", items.get("[2]").variable().getEvaluateName());
        Map<String, TargetVariable> again = d.children(items.get("[2]").children());
        assertEquals("\"two\"", again.get("[1]").variable().getValue());

        TargetVariable m = globals.get("m");
        assertEquals(2, m.variable().getNamedVariables());
        Map<String, TargetVariable> entries = d.children(m.children());
        assertEquals(List.of("\"k\"", "2"), List.copyOf(entries.keySet()));
        assertEquals("None", entries.get("2").variable().getValue());
        assertNull(entries.get("2").children());
        assertEquals("m[\"k\"]", entries.get("\"k\"").variable().getEvaluateName());

        TargetVariable p = globals.get("p");
        assertEquals("Point", p.variable().getType());
        assertEquals("Point{x: 1, me: Point{...}}", p.variable().getValue());
        TargetVariable me = d.children(p.children()).get("me");
        assertEquals("p.me", me.variable().getEvaluateName());
        assertEquals("1", d.children(d.children(me.children()).get("me").children()).get("x").variable().getValue());
        assertEquals("1", d.evaluate(1, "p.me.me.x"));

        d.target.setVariable(items.get("[2]").children(), "[0]", "40 + 2");
        d.target.setVariable(p.children(), "x", "\"changed\"");
        d.target.setVariable(m.children(), "\"k\"", "0");
        assertEquals("[42, \"two\", [...]]", d.evaluate(1, "a"));
        assertEquals("\"changed\"", d.evaluate(1, "p.x"));
        assertEquals("0", d.evaluate(1, "m[\"k\"]"));
    }

    @Test
    void aTenThousandElementListIsPaged() throws Exception {
        TargetDriver d = launch("big = range(10000)\nprint(len(big))", false);
        d.breakpoints(MAIN, 2);
        d.configurationDoneAndStop();
        TargetVariable big = d.scope(1, 0).get("big");
        assertEquals(10000, big.variable().getIndexedVariables());
        assertTrue(big.variable().getValue().startsWith("[0, 1, 2, ") && big.variable().getValue().endsWith("..."),
                big.variable().getValue());
        assertTrue(big.variable().getValue().length() < 120, "the preview is cut");

        List<TargetVariable> tail = d.target.variables(big.children(), new VariablesPage(VariablesPage.Filter.INDEXED, 9990, 20));
        assertEquals(10, tail.size());
        assertEquals("[9990]", tail.get(0).variable().getName());
        assertEquals("9999", tail.get(9).variable().getValue());
        assertEquals("big[9995]", tail.get(5).variable().getEvaluateName());
        assertEquals(100, d.target.variables(big.children(), new VariablesPage(VariablesPage.Filter.BOTH, 0, 100)).size());
        assertEquals(List.of(), d.target.variables(big.children(), new VariablesPage(VariablesPage.Filter.NAMED, 0, 0)));
        assertEquals(10000, d.target.variables(big.children(), VariablesPage.ALL).size());
    }

    @Test
    void aLongEvaluationShowsProgressAndCanBeCancelled() throws Exception {
        TargetDriver d = launch("x = 1\npass", true);
        d.configurationDoneAndStop();
        CompletableFuture<TargetVariable> evaluation = CompletableFuture.supplyAsync(() -> {
            try {
                return d.target.evaluate(d.topFrame(1), "busy(1000000000000)", EvaluationContext.REPL);
            } catch (TargetException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        RecordingTargetContext.RecordedProgress progress =
                d.context.await("progressStart", RecordingTargetContext.RecordedProgress.class, p -> true);
        assertTrue(progress.cancellable);
        assertTrue(progress.title.contains("busy(1000000000000)"), progress.title);
        d.context.cancelCurrentRequest();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> evaluation.get(10, TimeUnit.SECONDS));
        TargetException cancelled = assertInstanceOf(TargetException.class, failed.getCause());
        assertEquals("cancelled", cancelled.reason());
        assertEquals("cancelled", progress.ended.get(10, TimeUnit.SECONDS));
        assertEquals("2", d.evaluate(1, "1 + 1"), "a later evaluation is not cancelled");
        assertEquals("10", d.evaluate(1, "busy(10)"));
    }

    @Test
    void importedFilesAreLoadedSourcesServedByTheTarget() throws Exception {
        String lib = "def twice(n):\n    return n * 2\nloaded = True\n";
        driver = new TargetDriver(new FakeTargetProvider(FakeSources.of(Map.of(MAIN, "import lib\nprint(twice(21))",
                "/remote/app/lib.fake", lib))));
        TargetDriver d = driver.launch(false);
        d.breakpoints("/remote/app/lib.fake", 2);
        d.configurationDoneAndStop();
        assertEquals("twice:2", d.where(1));
        assertEquals("/remote/app/lib.fake", d.stack(1).get(0).getSource().getPath());
        assertEquals(List.of(MAIN, "/remote/app/lib.fake"),
                d.target.loadedSources().stream().map(Source::getPath).toList());
        LoadedSourceEventArguments loaded = d.context.await("loadedSource", LoadedSourceEventArguments.class,
                l -> l.getSource().getPath().endsWith("lib.fake"));
        assertEquals("lib.fake", loaded.getSource().getName());

        SourceContent content = d.target.source(d.stack(1).get(0).getSource());
        assertEquals(lib, content.content());
        assertEquals("text/x-fake", content.mimeType());
        Source unknown = new Source();
        unknown.setPath("/remote/app/missing.fake");
        TargetException missing = assertThrows(TargetException.class, () -> d.target.source(unknown));
        assertTrue(missing.getMessage().contains("/remote/app/missing.fake"), missing.getMessage());

        d.breakpoints("/remote/app/lib.fake");
        d.target.resume(1, true);
        assertEquals("42\n", d.context.awaitOutput("42"));
    }
}
