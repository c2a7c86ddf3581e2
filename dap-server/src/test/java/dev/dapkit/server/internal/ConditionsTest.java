package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.body;
import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.Evaluator;
import dev.dapkit.server.spi.NativeBreakpointConditions;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetFrame;
import dev.dapkit.server.spi.TargetVariable;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final String MAIN = "{'source': {'path': '/remote/app/main.py'}, 'breakpoints': [";

    /** Evaluates names from a fixed table; {@code boom} fails. */
    static class EvaluatingTarget extends FakeTarget implements Evaluator {
        final Map<String, String> values = Map.of("x", "1", "flag", "False", "yes", "true", "name", "'bob'");

        @Override
        public TargetVariable evaluate(TargetFrame frame, String expression, EvaluationContext context)
                throws TargetException {
            calls.add("evaluate " + expression + " " + context + " in " + ((FakeFrame) frame).name());
            String value = values.get(expression);
            if (value == null) {
                throw TargetException.of(77, "name '" + expression + "' is not defined");
            }
            return TargetVariable.leaf("", value, null);
        }
    }

    static class NativeTarget extends EvaluatingTarget implements NativeBreakpointConditions {
    }

    /** Sends an output event after whatever the target did, so the client knows the engine got that far. */
    static void marker(FakeTarget target, String text) {
        OutputEventArguments o = new OutputEventArguments();
        o.setOutput(text);
        target.events().output(o);
    }

    static int setOne(Fixture f, String breakpoint) {
        return body(f.client.ok("setBreakpoints", json(MAIN + breakpoint + "]}"))).path("breakpoints").get(0)
                .path("id").asInt();
    }

    @Test
    void aFalseConditionResumesWithoutTheClientSeeingTheStop() {
        try (Fixture f = Fixture.of(EvaluatingTarget::new)) {
            f.client.start("launch", null);
            int id = setOne(f, "{'line': 3, 'condition': 'flag'}");
            EvaluatingTarget target = f.target();
            target.stopAtBreakpoint(id);
            marker(target, "after\n");
            f.client.event("output", b -> b.path("output").asText().equals("after\n"));

            assertFalse(f.client.hasEvent("stopped"), "the client saw a stop whose condition was false");
            assertEquals(List.of("evaluate flag BREAKPOINT_CONDITION in main"), target.calls("evaluate"));
            assertEquals(List.of("stackTrace 1 0 1"), target.calls("stackTrace"), "the top frame only");
            assertEquals(List.of("resumeFilteredStop 1 true"), target.calls("resume"),
                    "not a plain resume: the target must carry on what the thread was doing");
            assertEquals(List.of(), target.calls("stopShown"), "a stop the client never saw was shown");
        }
    }

    /** Reads ahead slowly: until the test lets it go. */
    static class ReadingAheadTarget extends FakeTarget {
        final java.util.concurrent.CountDownLatch letGo = new java.util.concurrent.CountDownLatch(1);

        @Override
        public void stopShown(int threadId) throws TargetException {
            calls.add("stopShown " + threadId);
            try {
                letGo.await(TestClient.TIMEOUT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            calls.add("stopShown done");
        }
    }

    @Test
    void aShownStopLetsTheTargetReadAheadAndTheClientsRequestsWaitBehindIt() {
        try (Fixture f = Fixture.of(ReadingAheadTarget::new)) {
            f.client.start("launch", null);
            ReadingAheadTarget target = f.target();
            target.stop("step");
            f.client.event("stopped");
            int threads = f.client.send("threads", null);
            int stack = f.client.send("stackTrace", json("{'threadId': 1}"));
            target.letGo.countDown();
            assertTrue(f.client.response(threads).success());
            assertTrue(f.client.response(stack).success());
            List<String> order = target.calls.stream()
                    .filter(c -> c.startsWith("stopShown") || c.startsWith("threads") || c.startsWith("stackTrace"))
                    .toList();
            assertEquals(List.of("stopShown 1", "stopShown done", "threads", "stackTrace 1 0 0"), order);
        }
    }

    @Test
    void aTrueConditionStops() {
        try (Fixture f = Fixture.of(EvaluatingTarget::new)) {
            f.client.start("launch", null);
            int id = setOne(f, "{'line': 3, 'condition': 'yes'}");
            EvaluatingTarget target = f.target();
            target.stopAtBreakpoint(id);
            JsonNode stopped = body(f.client.event("stopped"));
            assertEquals(id, stopped.path("hitBreakpointIds").get(0).asInt());
            assertTrue(target.calls("resume").isEmpty());
        }
    }

    @Test
    void hitConditionsCountHits() {
        try (Fixture f = Fixture.of(EvaluatingTarget::new)) {
            f.client.start("launch", null);
            int id = setOne(f, "{'line': 3, 'hitCondition': '% 2'}");
            EvaluatingTarget target = f.target();
            for (int i = 0; i < 4; i++) {
                target.stopAtBreakpoint(id);
            }
            marker(target, "done\n");
            f.client.event("output", b -> b.path("output").asText().equals("done\n"));
            assertEquals(2, f.client.events("stopped").size(), "hits 2 and 4 stop");
            assertEquals(2, target.calls("resumeFilteredStop").size(), "hits 1 and 3 resume quietly");
            assertTrue(target.calls("evaluate").isEmpty(), "a hit condition needs no evaluator");
        }
    }

    @Test
    void aPlainNumberMeansAtLeast() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            int id = setOne(f, "{'line': 3, 'hitCondition': '3'}");
            FakeTarget target = f.target();
            for (int i = 0; i < 4; i++) {
                target.stopAtBreakpoint(id);
            }
            marker(target, "done\n");
            f.client.event("output", b -> b.path("output").asText().equals("done\n"));
            assertEquals(2, f.client.events("stopped").size(), "hits 3 and 4 stop");
        }
    }

    @Test
    void aMalformedHitConditionLeavesTheBreakpointUnverified() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            JsonNode bps = body(f.client.ok("setBreakpoints", json(MAIN + "{'line': 3, 'hitCondition': 'often'},"
                    + " {'line': 4}]}"))).path("breakpoints");
            assertFalse(bps.get(0).path("verified").asBoolean());
            assertTrue(bps.get(0).path("message").asText().startsWith("hit condition 'often' is not valid"),
                    bps.get(0).toString());
            assertTrue(bps.get(1).path("verified").asBoolean());
            FakeTarget target = f.target();
            assertEquals(List.of(4), target.lineBreakpoints.get("/remote/app/main.py").stream().map(b -> b.line()).toList(),
                    "the malformed one is not given to the target");
        }
    }

    @Test
    void logpointsPrintAndDoNotStop() {
        try (Fixture f = Fixture.of(EvaluatingTarget::new)) {
            f.client.start("launch", null);
            int id = setOne(f, "{'line': 3, 'logMessage': 'x is {x}, {{braces}}, {nope}'}");
            EvaluatingTarget target = f.target();
            target.stopAtBreakpoint(id);
            JsonNode out = body(f.client.event("output"));
            assertEquals("x is 1, {braces}, <error: name 'nope' is not defined>\n", out.path("output").asText());
            assertEquals("console", out.path("category").asText());
            assertEquals(3, out.path("line").asInt());
            marker(target, "after\n");
            f.client.event("output", b -> b.path("output").asText().equals("after\n"));
            assertFalse(f.client.hasEvent("stopped"));
            assertEquals(List.of("resumeFilteredStop 1 true"), target.calls("resume"));
            assertEquals(List.of("evaluate x LOG_MESSAGE in main", "evaluate nope LOG_MESSAGE in main"),
                    target.calls("evaluate"));
        }
    }

    @Test
    void aConditionThatFailsToEvaluateStopsAndSaysWhy() {
        try (Fixture f = Fixture.of(EvaluatingTarget::new)) {
            f.client.start("launch", null);
            int id = setOne(f, "{'line': 3, 'condition': 'boom'}");
            EvaluatingTarget target = f.target();
            target.stopAtBreakpoint(id);
            JsonNode out = body(f.client.event("output"));
            assertTrue(out.path("output").asText().contains("breakpoint condition 'boom' could not be evaluated:"
                    + " name 'boom' is not defined"), out.toString());
            f.client.event("stopped");
        }
    }

    @Test
    void aNativeTargetGetsTheConditionsAndTheEngineStaysOut() {
        try (Fixture f = Fixture.of(NativeTarget::new)) {
            f.client.start("launch", null);
            int id = setOne(f, "{'line': 3, 'condition': 'flag', 'hitCondition': 'often', 'logMessage': 'hi {x}'}");
            NativeTarget target = f.target();
            var given = target.lineBreakpoints.get("/remote/app/main.py").get(0);
            assertEquals("flag", given.condition());
            assertEquals("often", given.hitCondition(), "not the engine's to judge");
            assertEquals("hi {x}", given.logMessage());
            target.stopAtBreakpoint(id);
            f.client.event("stopped");
            assertTrue(target.calls("evaluate").isEmpty());
        }
    }

    @Test
    void withoutAnEvaluatorConditionsAreRefusedButHitConditionsWork() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            JsonNode caps = body(f.client.initialize(null));
            assertFalse(caps.path("supportsConditionalBreakpoints").asBoolean());
            assertFalse(caps.path("supportsLogPoints").asBoolean());
            assertTrue(caps.path("supportsHitConditionalBreakpoints").asBoolean());
            int launch = f.client.send("launch", json("{}"));
            f.client.ok("configurationDone", null);
            f.client.response(launch);
            JsonNode bps = body(f.client.ok("setBreakpoints", json(MAIN + "{'line': 3, 'condition': 'x > 1'},"
                    + " {'line': 4, 'logMessage': 'plain text'}]}"))).path("breakpoints");
            assertFalse(bps.get(0).path("verified").asBoolean());
            assertEquals("conditions are not supported by target 'fake' (it cannot evaluate expressions)",
                    bps.get(0).path("message").asText());
            assertTrue(bps.get(1).path("verified").asBoolean(), "a logpoint without expressions needs no evaluator");
        }
    }
}
