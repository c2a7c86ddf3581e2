package dev.dapkit.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.junit.jupiter.api.Test;

/**
 * {@link ScriptedSession} against adapters played by the test, one for each order real adapters
 * use for {@code initialized} and the {@code launch} response. The session runs on its own
 * thread, as a script would; the test plays the adapter.
 */
class ScriptedSessionTest {

    private static final String CAPABILITIES = "{\"supportsConfigurationDoneRequest\": true,"
            + " \"exceptionBreakpointFilters\": [{\"filter\": \"uncaught\", \"label\": \"Uncaught\", \"default\": true},"
            + " {\"filter\": \"raised\", \"label\": \"Raised\", \"default\": false}]}";
    private static final Path SOURCE = Path.of("/work/app/main.py");

    @Test
    void debugpyOrderInitializedAfterLaunchRequestAndLaunchAnsweredAfterConfigurationDone() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            ScriptedSession session = ScriptedSession.of(f.client, Duration.ofSeconds(10));
            CompletableFuture<Void> script = run(() -> {
                session.initialize("python");
                session.breakpoint(SOURCE, 12);
                session.breakpoint(SOURCE, 3);
                session.launch(Map.of("program", "main.py"));
            });
            f.adapter.respond(f.adapter.expectRequest("initialize"), RawJson.parse(CAPABILITIES));
            Request launch = f.adapter.expectRequest("launch");
            assertEquals("{\"program\":\"main.py\"}", launch.arguments().toString());
            f.adapter.event("initialized", null);
            configure(f, new int[] {3, 12}, new String[] {"uncaught"});
            assertFalse(script.isDone(), "the session waits for the launch response");
            f.adapter.respond(launch, null);
            script.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void lldbOrderLaunchAnsweredThenInitialized() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            ScriptedSession session = ScriptedSession.of(f.client, Duration.ofSeconds(10));
            CompletableFuture<Void> script = run(() -> {
                session.initialize("lldb");
                session.breakpoint(SOURCE, 7);
                session.exceptionBreakpoints("raised");
                session.launch(Map.of("program", "a.out"));
            });
            f.adapter.respond(f.adapter.expectRequest("initialize"), RawJson.parse(CAPABILITIES));
            f.adapter.respond(f.adapter.expectRequest("launch"), null);
            f.adapter.event("initialized", null);
            configure(f, new int[] {7}, new String[] {"raised"});
            script.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void initializedBeforeTheLaunchRequestIsNotMissed() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            ScriptedSession session = ScriptedSession.of(f.client, Duration.ofSeconds(10));
            CompletableFuture<Void> initialized = run(() -> session.initialize("eager"));
            f.adapter.respond(f.adapter.expectRequest("initialize"), RawJson.parse("{\"supportsConfigurationDoneRequest\": true}"));
            f.adapter.event("initialized", null);
            initialized.get(10, TimeUnit.SECONDS);

            CompletableFuture<Void> launched = run(() -> session.attach(Map.of("port", 5678)));
            Request attach = f.adapter.expectRequest("attach");
            f.adapter.respond(f.adapter.expectRequest("configurationDone"), null);
            f.adapter.respond(attach, null);
            launched.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void withoutConfigurationDoneSupportNoneIsSent() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            ScriptedSession session = ScriptedSession.of(f.client, Duration.ofSeconds(10));
            CompletableFuture<Void> script = run(() -> {
                session.initialize("old");
                session.launch(Map.of());
            });
            f.adapter.respond(f.adapter.expectRequest("initialize"), RawJson.parse("{}"));
            Request launch = f.adapter.expectRequest("launch");
            f.adapter.event("initialized", null);
            f.adapter.respond(launch, null);
            script.get(10, TimeUnit.SECONDS);
            CancelAndTimeoutTest.fence(f);
        }
    }

    @Test
    void aRejectedLaunchFailsTheScriptWithoutWaitingForInitialized() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            ScriptedSession session = ScriptedSession.of(f.client, Duration.ofSeconds(10));
            CompletableFuture<Void> script = run(() -> {
                session.initialize("python");
                session.breakpoint(SOURCE, 1);
                session.launch(Map.of());
            });
            f.adapter.respond(f.adapter.expectRequest("initialize"), RawJson.parse(CAPABILITIES));
            f.adapter.fail(f.adapter.expectRequest("launch"), "either \"program\", \"module\", or \"code\" must be specified",
                    null);
            ExecutionException failed = assertThrows(ExecutionException.class, () -> script.get(10, TimeUnit.SECONDS));
            DapErrorException error = assertInstanceOf(DapErrorException.class, failed.getCause());
            assertEquals("launch", error.command());
            CancelAndTimeoutTest.fence(f);
        }
    }

    @Test
    void hitBreakpointAndAssertStoppedAtCompareTheTopFrame() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            ScriptedSession session = ScriptedSession.of(f.client, Duration.ofSeconds(10));
            CompletableFuture<Void> script = run(() -> {
                session.initialize("x");
                session.hitBreakpoint(Map.of("program", "main.py"), SOURCE, 12);
            });
            f.adapter.respond(f.adapter.expectRequest("initialize"), RawJson.parse("{\"supportsConfigurationDoneRequest\": true}"));
            Request launch = f.adapter.expectRequest("launch");
            f.adapter.event("initialized", null);
            configure(f, new int[] {12}, null);
            f.adapter.respond(launch, null);
            f.adapter.event("stopped", EventsTest.stopped(5, "breakpoint"));
            answerStackTrace(f, 5, "/work/app/../app/main.py", 12);
            script.get(10, TimeUnit.SECONDS);

            CompletableFuture<Void> wrongLine = run(() -> session.assertStoppedAt(SOURCE, 13));
            answerStackTrace(f, 5, SOURCE.toString(), 12);
            ExecutionException failed = assertThrows(ExecutionException.class, () -> wrongLine.get(10, TimeUnit.SECONDS));
            AssertionError error = assertInstanceOf(AssertionError.class, failed.getCause());
            assertEquals("expected to stop at /work/app/main.py:13 but thread 5 stopped at /work/app/main.py:12 (main)",
                    error.getMessage());
        }
    }

    @Test
    void outputIsCollectedByCategoryAndTheExitCodeAwaited() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            ScriptedSession session = ScriptedSession.of(f.client, Duration.ofSeconds(10));
            f.adapter.event("output", output("stdout", "hello "));
            f.adapter.event("output", output(null, "adapter says hi\n"));
            f.adapter.event("output", output("stderr", "oops\n"));
            f.adapter.event("output", output("stdout", "world\n"));
            f.adapter.event("exited", RawJson.parse("{\"exitCode\": 3}"));

            assertEquals("hello world\n", session.awaitOutput("stdout", "world"));
            assertEquals(3, session.awaitExitCode());
            assertEquals("oops\n", session.output("stderr"));
            assertEquals("adapter says hi\n", session.output("console"));
            assertEquals(Map.of("stdout", "hello world\n", "console", "adapter says hi\n", "stderr", "oops\n"),
                    session.output());
            session.close();
            f.adapter.event("output", output("stdout", "after close\n"));
            f.client.awaitEvent(OutputEventArguments.class, e -> e.getOutput().startsWith("after"), Duration.ofSeconds(10))
                    .get(10, TimeUnit.SECONDS);
            assertFalse(session.output("stdout").contains("after close"));
        }
    }

    @Test
    void aStepThatTakesTooLongFailsWithTheStepTimeout() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            ScriptedSession session = ScriptedSession.of(f.client, Duration.ofMillis(200));
            DapTimeoutException timeout = assertThrows(DapTimeoutException.class, session::awaitExitCode);
            assertEquals("an 'exited' event did not finish within 200 ms (the session's step timeout)",
                    timeout.getMessage());
            // The abandoned wait was withdrawn: a later exit goes to the next wait.
            f.adapter.event("exited", RawJson.parse("{\"exitCode\": 0}"));
            assertEquals(0, f.client.awaitEvent(org.eclipse.lsp4j.debug.ExitedEventArguments.class, e -> true,
                    Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS).getExitCode());
        }
    }

    @Test
    void stepsNeedAStoppedThreadAndLaunchNeedsInitialize() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            ScriptedSession session = ScriptedSession.of(f.client);
            IllegalStateException noStop = assertThrows(IllegalStateException.class, session::stepOver);
            assertTrue(noStop.getMessage().startsWith("next needs a stopped thread"), noStop.getMessage());
            IllegalStateException noInit = assertThrows(IllegalStateException.class, () -> session.launch(Map.of()));
            assertEquals("launch before initialize: call initialize(...) first", noInit.getMessage());
        }
    }

    /** Expects the configuration requests in order and answers them. */
    private static void configure(ClientFixture f, int[] lines, String[] filters) {
        Request breakpoints = f.adapter.expectRequest("setBreakpoints");
        SetBreakpointsArguments arguments = breakpoints.arguments(SetBreakpointsArguments.class);
        assertEquals(SOURCE.toString(), arguments.getSource().getPath());
        assertArrayEquals(lines, java.util.Arrays.stream(arguments.getBreakpoints()).mapToInt(b -> b.getLine()).toArray());
        f.adapter.respond(breakpoints, RawJson.parse("{\"breakpoints\": []}"));
        if (filters != null) {
            Request exceptions = f.adapter.expectRequest("setExceptionBreakpoints");
            assertArrayEquals(filters, exceptions.arguments(SetExceptionBreakpointsArguments.class).getFilters());
            f.adapter.respond(exceptions, null);
        }
        f.adapter.respond(f.adapter.expectRequest("configurationDone"), null);
    }

    private static void answerStackTrace(ClientFixture f, int threadId, String path, int line) {
        Request request = f.adapter.expectRequest("stackTrace");
        assertEquals(threadId, request.arguments().tree().get("threadId").asInt());
        Source source = new Source();
        source.setPath(path);
        StackFrame frame = new StackFrame();
        frame.setId(1);
        frame.setName("main");
        frame.setLine(line);
        frame.setSource(source);
        StackTraceResponse body = new StackTraceResponse();
        body.setStackFrames(new StackFrame[] {frame});
        f.adapter.respond(request, body);
    }

    private static OutputEventArguments output(String category, String text) {
        OutputEventArguments body = new OutputEventArguments();
        body.setCategory(category);
        body.setOutput(text);
        return body;
    }

    /** Runs a script step on its own thread, as a script would block. */
    private static CompletableFuture<Void> run(Runnable script) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                script.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, "script");
        thread.setDaemon(true);
        thread.start();
        return done;
    }
}
