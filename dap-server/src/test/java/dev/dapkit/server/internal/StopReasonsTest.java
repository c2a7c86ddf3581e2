package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.ConditionsTest.marker;
import static dev.dapkit.server.internal.ConditionsTest.setOne;
import static dev.dapkit.server.internal.TestClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.server.internal.ConditionsTest.EvaluatingTarget;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Which stops the engine may resume unseen: only those whose reason is a breakpoint kind. A stop
 * for another reason that names hit breakpoints (a step landing on a breakpoint's line) is always
 * shown, and its hits are counted and its logpoints written all the same.
 */
class StopReasonsTest {

    @ParameterizedTest
    @ValueSource(strings = {"breakpoint", "function breakpoint", "data breakpoint", "instruction breakpoint"})
    void everyBreakpointKindIsFiltered(String reason) {
        try (Fixture f = Fixture.of(EvaluatingTarget::new)) {
            f.client.start("launch", null);
            int id = setOne(f, "{'line': 3, 'condition': 'flag'}");
            EvaluatingTarget target = f.target();
            target.stop(reason, id);
            marker(target, "after\n");
            f.client.event("output", b -> b.path("output").asText().equals("after\n"));
            assertFalse(f.client.hasEvent("stopped"), "a '" + reason + "' stop whose condition is false was shown");
            assertEquals(List.of("resumeFilteredStop 1 true"), target.calls("resume"));
        }
    }

    @Test
    void aStepOntoABreakpointWhoseConditionIsFalseIsShownWithoutIt() {
        try (Fixture f = Fixture.of(EvaluatingTarget::new)) {
            f.client.start("launch", null);
            int id = setOne(f, "{'line': 3, 'condition': 'flag'}");
            EvaluatingTarget target = f.target();
            target.stop("step", id);
            JsonNode stopped = body(f.client.event("stopped"));
            assertEquals("step", stopped.path("reason").asText());
            assertTrue(stopped.path("hitBreakpointIds").isMissingNode(), "the breakpoint did not fire: " + stopped);
            assertEquals(List.of("evaluate flag BREAKPOINT_CONDITION in main"), target.calls("evaluate"));
            assertTrue(target.calls("resume").isEmpty(), "the step ended there; nothing may resume: " + target.calls);
        }
    }

    @Test
    void aStepOntoABreakpointCountsItsHit() {
        try (Fixture f = Fixture.of(EvaluatingTarget::new)) {
            f.client.start("launch", null);
            int id = setOne(f, "{'line': 3, 'hitCondition': '% 2'}");
            EvaluatingTarget target = f.target();
            target.stop("step", id);
            JsonNode step = body(f.client.event("stopped"));
            assertEquals("step", step.path("reason").asText());
            assertTrue(step.path("hitBreakpointIds").isMissingNode(), "hit 1 does not fire: " + step);

            target.stopAtBreakpoint(id);
            JsonNode second = body(f.client.event("stopped"));
            assertEquals("breakpoint", second.path("reason").asText(), "the step's hit was hit 1, so this is hit 2");
            assertEquals(id, second.path("hitBreakpointIds").get(0).asInt());
            assertTrue(target.calls("resume").isEmpty(), target.calls.toString());
        }
    }

    @Test
    void aStepOntoAFiringBreakpointNamesIt() {
        try (Fixture f = Fixture.of(EvaluatingTarget::new)) {
            f.client.start("launch", null);
            int id = setOne(f, "{'line': 3, 'condition': 'yes'}");
            EvaluatingTarget target = f.target();
            target.stop("step", id);
            JsonNode stopped = body(f.client.event("stopped"));
            assertEquals("step", stopped.path("reason").asText());
            assertEquals(id, stopped.path("hitBreakpointIds").get(0).asInt());
        }
    }

    @Test
    void aStepOntoALogpointWritesTheMessageAndStops() {
        try (Fixture f = Fixture.of(EvaluatingTarget::new)) {
            f.client.start("launch", null);
            int id = setOne(f, "{'line': 3, 'logMessage': 'x is {x}'}");
            EvaluatingTarget target = f.target();
            target.stop("step", id);
            assertEquals("x is 1\n", body(f.client.event("output")).path("output").asText());
            assertEquals("step", body(f.client.event("stopped")).path("reason").asText());
            assertTrue(target.calls("resume").isEmpty(), target.calls.toString());
        }
    }

    @Test
    void anExceptionStopOnALogpointLineIsShown() {
        try (Fixture f = Fixture.of(EvaluatingTarget::new)) {
            f.client.start("launch", null);
            int id = setOne(f, "{'line': 3, 'logMessage': 'plain'}");
            EvaluatingTarget target = f.target();
            target.stop("exception", id);
            assertEquals("plain\n", body(f.client.event("output")).path("output").asText());
            assertEquals("exception", body(f.client.event("stopped")).path("reason").asText());
            assertTrue(target.calls("resume").isEmpty(), target.calls.toString());
        }
    }
}
