package dev.dapkit.target.micropython.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.LineBreakpoint;
import dev.dapkit.server.spi.StackTracePage;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetScope;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariablesPage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The target against a scripted agent: the host's side of the protocol, and its error paths
 * (wrong version, malformed lines, silence, an agent that dies in the middle of a request, a link
 * that drops), each with the message a user would read.
 */
class ScriptedAgentTest {

    private final RecordingEvents events = new RecordingEvents();
    private MicroPythonTarget target = new MicroPythonTarget(events, Duration.ofMillis(500));
    private FakeAgent agent;

    @AfterEach
    void close() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    private static RawJson connectTo(int port, int timeoutMillis) {
        return RawJson.from(Map.of("type", "python", "request", "attach", "justMyCode", false, "timeout", timeoutMillis,
                "connect", Map.of("host", "127.0.0.1", "port", port)));
    }

    /** Attaches to a new scripted agent that says hello with {@code proto}; returns the attach's outcome. */
    private CompletableFuture<Void> attach(int proto) throws Exception {
        agent = FakeAgent.listening();
        CompletableFuture<Void> attached = CompletableFuture.runAsync(() -> {
            try {
                target.attach(connectTo(agent.port(), 2000));
            } catch (TargetException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        agent.hello(proto, false);
        return attached;
    }

    private void attached() throws Exception {
        attach(AgentLink.PROTOCOL).get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static String failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> future.get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS));
        return e.getCause().getMessage();
    }

    private <T> CompletableFuture<T> async(TargetCall<T> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.run();
            } catch (TargetException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    @FunctionalInterface
    private interface TargetCall<T> {
        T run() throws TargetException;
    }

    @Test
    void anAgentOfAnotherLinkVersionIsRefusedWithBothVersions() throws Exception {
        String message = failure(attach(2));
        assertTrue(message.contains("speaks link version 2, this host speaks 1"), message);
        assertTrue(message.contains("127.0.0.1:" + agent.port()), message);
    }

    @Test
    void noAgentAtThePortSaysWhereAndHowLongItTried() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        int closedPort = port;
        TargetException e = assertThrows(TargetException.class, () -> target.attach(connectTo(closedPort, 400)));
        assertEquals("no MicroPython agent answered at 127.0.0.1:" + closedPort + " within 400 ms: connection refused",
                e.getMessage());
    }

    @Test
    void attachInTheDebugpyFormIgnoresDebugpyKeysAndConfiguresTheAgent() throws Exception {
        attached();
        CompletableFuture<Void> done = async(() -> {
            target.configurationDone();
            return null;
        });
        ObjectNode go = agent.answer("go", "");
        done.get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS);
        assertFalse(go.has("tee"), "an attached board keeps its own console output: " + go);
        assertEquals("micropython at 127.0.0.1:" + agent.port(), ((org.eclipse.lsp4j.debug.ProcessEventArguments)
                events.await("process")).getName().replace("/flash/main.py", "micropython"));
    }

    @Test
    void aMalformedLineEndsTheSessionWithTheReason() throws Exception {
        attached();
        agent.sendRaw("\u001e{\"ev\":\"stopped\",\n");
        String reason = events.awaitOutput("not JSON");
        assertTrue(reason.contains("the agent at 127.0.0.1:" + agent.port()), reason);
        events.await("terminated");
    }

    @Test
    void anAgentThatDiesDuringARequestFailsItWithTheLinksReasonAndEndsTheSession() throws Exception {
        attached();
        CompletableFuture<?> threads = async(() -> target.threads());
        agent.expect("threads");
        agent.crash();
        String message = failure(threads);
        assertTrue(message.startsWith("'threads' failed: the link to the MicroPython agent at 127.0.0.1:"
                + agent.port() + " closed: "), message);
        assertTrue(events.awaitOutput("closed").contains("the link to the MicroPython agent at 127.0.0.1:"));
        events.await("terminated");
    }

    @Test
    void aSilentAgentTimesOutNamingTheCommandAndTheAddressAndTheLinkGoesOn() throws Exception {
        attached();
        CompletableFuture<StackTracePage> first = async(() -> target.stackTrace(1, 0, 0));
        // the thread id is unknown before any stop: the host refuses it without asking the agent
        assertTrue(failure(first).contains("there is no thread 1"));
        agent.send("{\"ev\":\"stopped\",\"t\":140230000000000,\"why\":\"pause\",\"file\":\"/flash/main.py\",\"line\":3}");
        StoppedEventArguments stop = (StoppedEventArguments) events.await("stopped");
        assertEquals(1, stop.getThreadId(), "a 64-bit agent thread id becomes a small DAP id");

        CompletableFuture<StackTracePage> silent = async(() -> target.stackTrace(stop.getThreadId(), 0, 0));
        ObjectNode unanswered = agent.expect("stack");
        assertEquals(140230000000000L, unanswered.get("t").asLong(), "the agent gets its own thread id back");
        assertEquals("the MicroPython agent at 127.0.0.1:" + agent.port() + " did not answer 'stack' within 500 ms",
                failure(silent));

        CompletableFuture<StackTracePage> next = async(() -> target.stackTrace(stop.getThreadId(), 0, 0));
        ObjectNode asked = agent.expect("stack");
        agent.reply(unanswered, "\"frames\":[],\"total\":0");
        agent.reply(asked, "\"frames\":[{\"id\":7,\"name\":\"add\",\"file\":\"/flash/main.py\",\"line\":2}],\"total\":3");
        StackTracePage page = next.get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(1, page.frames().size(), "the late reply to the timed-out request was dropped");
        assertEquals(3, page.totalFrames());
        assertEquals("add", page.frames().get(0).describe().getName());
        assertEquals("/flash/main.py", page.frames().get(0).describe().getSource().getPath());
    }

    @Test
    void anAgentErrorIsTheRequestsErrorWithItsMessage() throws Exception {
        attached();
        agent.send("{\"ev\":\"stopped\",\"t\":5,\"why\":\"step\",\"file\":\"/flash/main.py\",\"line\":3}");
        int thread = ((StoppedEventArguments) events.await("stopped")).getThreadId();
        CompletableFuture<StackTracePage> stack = async(() -> target.stackTrace(thread, 0, 0));
        ObjectNode request = agent.expect("stack");
        agent.reply(request, "\"e\":\"stack failed: ValueError: thread 5 is not stopped\"");
        assertEquals("the MicroPython agent at 127.0.0.1:" + agent.port() + " could not do 'stack': stack failed:"
                + " ValueError: thread 5 is not stopped", failure(stack));
    }

    @Test
    void breakpointsGoToTheAgentWithTheirConditionsAndAStopNamesThem() throws Exception {
        attached();
        Source source = new Source();
        source.setPath("/flash/main.py");
        List<LineBreakpoint> wanted = List.of(new LineBreakpoint(11, 7, null, "i == 3", null, null),
                new LineBreakpoint(12, 9, null, null, ">= 4", null), new LineBreakpoint(13, 10, null, null, null,
                        "total is {total}"), new LineBreakpoint(14, 12, null, null, "every other time", null));
        CompletableFuture<List<Breakpoint>> set = async(() -> target.setLineBreakpoints(source, wanted));
        ObjectNode bp = agent.answer("bp", "\"exists\":true");
        List<Breakpoint> answers = set.get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("/flash/main.py", bp.get("file").asText());
        assertEquals("[{\"line\":7,\"cond\":\"i == 3\"},{\"line\":9,\"hit\":\">=4\"},{\"line\":10,\"log\":"
                + "\"total is {total}\"}]", bp.get("lines").toString(), "the hit condition the agent cannot read is not sent");
        assertEquals(List.of(true, true, true, false), answers.stream().map(Breakpoint::isVerified).toList());
        assertTrue(answers.get(3).getMessage().contains("'every other time' is not one of"), answers.get(3).getMessage());

        agent.send("{\"ev\":\"stopped\",\"t\":1,\"why\":\"breakpoint\",\"file\":\"/flash/main.py\",\"line\":7,"
                + "\"text\":\"condition failed: NameError\"}");
        StoppedEventArguments stop = (StoppedEventArguments) events.await("stopped");
        assertEquals("breakpoint", stop.getReason());
        assertArrayEquals(new Integer[] {11}, stop.getHitBreakpointIds());
        assertEquals("condition failed: NameError", stop.getText());
    }

    @Test
    void breakpointsInAFileTheDeviceLacksAreUnverifiedWithTheReason() throws Exception {
        attached();
        Source source = new Source();
        source.setPath("/flash/lib/missing.py");
        CompletableFuture<List<Breakpoint>> set = async(() -> target.setLineBreakpoints(source,
                List.of(LineBreakpoint.at(21, 3))));
        agent.answer("bp", "\"exists\":false");
        Breakpoint answer = set.get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS).get(0);
        assertFalse(answer.isVerified());
        assertTrue(answer.getMessage().startsWith("the device has no file /flash/lib/missing.py"), answer.getMessage());
    }

    @Test
    void outputOutsideLinesAndOutEventsBecomeOutputEvents() throws Exception {
        attached();
        agent.sendRaw("raw print from the board\n");
        OutputEventArguments raw = (OutputEventArguments) events.await("output");
        assertEquals("raw print from the board\n", raw.getOutput());
        assertEquals("stdout", raw.getCategory());
        agent.send("{\"ev\":\"out\",\"cat\":\"stderr\",\"text\":\"warning\\n\"}");
        OutputEventArguments err = (OutputEventArguments) events.await("output");
        assertEquals("stderr", err.getCategory());
        assertEquals("warning\n", err.getOutput());
    }

    @Test
    void withoutFLocalsTheLocalsScopeHoldsOneEntrySayingWhy() throws Exception {
        attached();
        agent.send("{\"ev\":\"stopped\",\"t\":1,\"why\":\"step\",\"file\":\"/flash/main.py\",\"line\":3}");
        int thread = ((StoppedEventArguments) events.await("stopped")).getThreadId();
        CompletableFuture<List<TargetScope>> scopes = async(() -> target.scopes(new AgentFrame(thread, 4, "add",
                "/flash/main.py", 3)));
        ObjectNode request = agent.expect("scopes");
        assertEquals(4, request.get("f").asInt());
        agent.reply(request, "\"scopes\":[{\"name\":\"Locals\",\"ref\":0,\"note\":\"locals need firmware with f_locals\"},"
                + "{\"name\":\"Globals\",\"ref\":9}]");
        List<TargetScope> got = scopes.get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(List.of("Locals", "Globals"), got.stream().map(s -> s.scope().getName()).toList());
        List<TargetVariable> note = target.variables(got.get(0).variables(), VariablesPage.ALL);
        assertEquals(1, note.size());
        assertEquals("locals need firmware with f_locals", note.get(0).variable().getValue());
        TargetException e = assertThrows(TargetException.class,
                () -> target.setVariable(got.get(0).variables(), "x", "1"));
        assertTrue(e.getMessage().contains("locals need firmware with f_locals"), e.getMessage());
        assertTrue(agent.noMoreRequests(), "the note is the host's own: the agent is not asked");
    }

    @Test
    void variablesPageThroughTheAgentAndNameTheirChildren() throws Exception {
        attached();
        agent.send("{\"ev\":\"stopped\",\"t\":1,\"why\":\"step\",\"file\":\"/flash/main.py\",\"line\":3}");
        int thread = ((StoppedEventArguments) events.await("stopped")).getThreadId();
        AgentContainer globals = new AgentContainer(thread, 9, AgentContainer.Kind.SCOPE, null);
        CompletableFuture<List<TargetVariable>> vars = async(() -> target.variables(globals, VariablesPage.ALL));
        agent.answer("vars", "\"vars\":[{\"n\":\"items\",\"v\":\"[10, 20, 30]\",\"t\":\"list\",\"ref\":12,\"size\":3},"
                + "{\"n\":\"cfg\",\"v\":\"{'a': 1}\",\"t\":\"dict\",\"ref\":13,\"size\":1},"
                + "{\"n\":\"total\",\"v\":\"6\",\"t\":\"int\",\"ref\":0,\"size\":0}],\"total\":3");
        List<TargetVariable> got = vars.get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(3, got.get(0).variable().getIndexedVariables());
        assertEquals(1, got.get(1).variable().getNamedVariables());
        assertNull(got.get(2).children(), "an int has no children");
        assertEquals("total", got.get(2).variable().getEvaluateName());

        CompletableFuture<List<TargetVariable>> page = async(() -> target.variables(got.get(0).children(),
                new VariablesPage(VariablesPage.Filter.INDEXED, 1, 2)));
        ObjectNode request = agent.expect("vars");
        assertEquals("{12,1,2}", "{" + request.get("ref") + "," + request.get("start") + "," + request.get("count") + "}");
        agent.reply(request, "\"vars\":[{\"n\":\"1\",\"v\":\"20\",\"t\":\"int\"},{\"n\":\"2\",\"v\":\"30\",\"t\":\"int\"}]");
        assertEquals(List.of("items[1]", "items[2]"), page.get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS).stream()
                .map(v -> v.variable().getEvaluateName()).toList());
        assertEquals(List.of(), target.variables(got.get(0).children(), new VariablesPage(VariablesPage.Filter.NAMED,
                0, 0)), "a list has no named children: the agent is not asked");

        CompletableFuture<List<TargetVariable>> dict = async(() -> target.variables(got.get(1).children(),
                VariablesPage.ALL));
        agent.answer("vars", "\"vars\":[{\"n\":\"'a'\",\"v\":\"1\",\"t\":\"int\"}]");
        assertEquals("cfg['a']", dict.get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS).get(0).variable().getEvaluateName());
    }

    @Test
    void hoverNeverSendsACallToTheDevice() throws Exception {
        attached();
        agent.send("{\"ev\":\"stopped\",\"t\":1,\"why\":\"step\",\"file\":\"/flash/main.py\",\"line\":3}");
        int thread = ((StoppedEventArguments) events.await("stopped")).getThreadId();
        AgentFrame frame = new AgentFrame(thread, 1, "<module>", "/flash/main.py", 3);
        for (String active : List.of("led.toggle()", "items.pop()", "(x := 3)", "f (1)", "[g() for g in fs]",
                "lambda: 0", "a = 1")) {
            TargetException e = assertThrows(TargetException.class,
                    () -> target.evaluate(frame, active, EvaluationContext.HOVER), active);
            assertTrue(e.getMessage().contains("hover evaluates"), e.getMessage());
        }
        assertTrue(agent.noMoreRequests(), "nothing with a call reached the device");
        CompletableFuture<TargetVariable> read = async(() -> target.evaluate(frame, "cfg['a'] + sensor.value * 2",
                EvaluationContext.HOVER));
        ObjectNode eval = agent.answer("eval", "\"v\":\"5\",\"t\":\"int\",\"ref\":0");
        assertEquals("cfg['a'] + sensor.value * 2", eval.get("x").asText());
        assertEquals("5", read.get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS).variable().getValue());
    }

    @Test
    void theReplRunsAStatementWhenItIsNotAnExpression() throws Exception {
        attached();
        agent.send("{\"ev\":\"stopped\",\"t\":1,\"why\":\"step\",\"file\":\"/flash/main.py\",\"line\":3}");
        int thread = ((StoppedEventArguments) events.await("stopped")).getThreadId();
        AgentFrame frame = new AgentFrame(thread, 1, "<module>", "/flash/main.py", 3);
        CompletableFuture<TargetVariable> run = async(() -> target.evaluate(frame, "x = 5", EvaluationContext.REPL));
        ObjectNode asEval = agent.expect("eval");
        assertEquals("eval", asEval.get("mode").asText());
        agent.reply(asEval, "\"e\":\"eval failed: SyntaxError: invalid syntax\"");
        ObjectNode asExec = agent.answer("eval", "\"v\":\"\"");
        assertEquals("exec", asExec.get("mode").asText());
        assertEquals("", run.get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS).variable().getValue());
    }

    @Test
    void theAgentsExitEndsAnAttachedSession() throws Exception {
        attached();
        agent.send("{\"ev\":\"exit\",\"code\":3}");
        assertEquals(3, events.await("exited"));
        agent.crash();
        events.await("terminated");
    }

    @Test
    void detachSaysByeAndDoesNotReportAnEnd() throws Exception {
        attached();
        CompletableFuture<Void> detached = async(() -> {
            target.disconnect(false);
            return null;
        });
        agent.answer("bye", "");
        detached.get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS);
        // the host closed the link inside disconnect: an end it reported would be recorded by now
        assertFalse(events.pendingKinds().contains("terminated"), "a detach is not the program's end: "
                + events.pendingKinds());
    }

    @Test
    void listenWaitsForAnAgentThatDialsIn() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        agent = FakeAgent.dialing(port);
        int listenPort = port;
        CompletableFuture<Void> attached = async(() -> {
            target.attach(RawJson.from(Map.of("listen", Map.of("host", "127.0.0.1", "port", listenPort),
                    "timeout", 10_000)));
            return null;
        });
        agent.hello(AgentLink.PROTOCOL, true);
        attached.get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS);
        CompletableFuture<List<org.eclipse.lsp4j.debug.Thread>> threads = async(() -> target.threads());
        agent.answer("threads", "\"threads\":[{\"id\":77,\"name\":\"main\"}]");
        assertEquals("main", threads.get(FakeAgent.WAIT_SECONDS, TimeUnit.SECONDS).get(0).getName());
    }
}
