package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.assertError;
import static dev.dapkit.server.internal.TestClient.body;
import static dev.dapkit.server.internal.TestClient.errorText;
import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.model.Response;
import dev.dapkit.server.EngineError;
import org.junit.jupiter.api.Test;

class HandlesTest {

    @Test
    void frameIdsAndVariableReferencesAreIssuedFromOne() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            JsonNode frames = body(f.client.ok("stackTrace", json("{'threadId': 1}"))).path("stackFrames");
            assertEquals(1, frames.get(0).path("id").asInt());
            assertEquals(2, frames.get(1).path("id").asInt());

            JsonNode scopes = body(f.client.ok("scopes", json("{'frameId': 2}"))).path("scopes");
            assertEquals("Locals", scopes.get(0).path("name").asText());
            int locals = scopes.get(0).path("variablesReference").asInt();
            assertEquals(1, locals);

            JsonNode vars = body(f.client.ok("variables", json("{'variablesReference': " + locals + "}"))).path("variables");
            assertEquals(0, vars.get(0).path("variablesReference").asInt(), "a leaf has no reference");
            int child = vars.get(1).path("variablesReference").asInt();
            assertEquals(2, child);
            f.client.ok("variables", json("{'variablesReference': " + child + "}"));
            FakeTarget target = f.target();
            assertEquals(java.util.List.of("scopes run"), target.calls("scopes"), "frame 2 is the target's second frame");
            assertEquals(java.util.List.of("variables run.locals", "variables run.locals.child"), target.calls("variables"));
        }
    }

    @Test
    void aResumeMakesEveryHandleStale() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            f.client.ok("stackTrace", json("{'threadId': 1}"));
            int ref = body(f.client.ok("scopes", json("{'frameId': 1}"))).path("scopes").get(0).path("variablesReference").asInt();

            f.client.ok("continue", json("{'threadId': 1}"));

            Response stale = f.client.request("variables", json("{'variablesReference': " + ref + "}"));
            assertError(EngineError.STALE_HANDLE.id(), stale);
            assertEquals("variablesReference " + ref + " is no longer valid: the program resumed since it was issued",
                    errorText(stale));
            Response staleFrame = f.client.request("scopes", json("{'frameId': 1}"));
            assertError(EngineError.STALE_HANDLE.id(), staleFrame);
            assertEquals("frameId 1 is no longer valid: the program resumed since it was issued", errorText(staleFrame));

            Response never = f.client.request("variables", json("{'variablesReference': 999}"));
            assertError(EngineError.UNKNOWN_HANDLE.id(), never);
            assertEquals("variablesReference 999 was never issued in this session", errorText(never));

            JsonNode again = body(f.client.ok("stackTrace", json("{'threadId': 1}"))).path("stackFrames");
            assertEquals(3, again.get(0).path("id").asInt(), "numbers are not reused after a resume");
        }
    }

    @Test
    void everyKindOfResumeInvalidates() {
        for (String resume : new String[] {"next", "stepIn", "stepOut"}) {
            try (Fixture f = Fixture.of(FakeTarget::new)) {
                f.client.start("launch", null);
                f.client.ok("stackTrace", json("{'threadId': 1}"));
                f.client.ok(resume, json("{'threadId': 1}"));
                assertError(EngineError.STALE_HANDLE.id(), f.client.request("scopes", json("{'frameId': 1}")));
            }
        }
    }

    @Test
    void aContinuedEventFromTheTargetInvalidates() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            f.client.ok("stackTrace", json("{'threadId': 1}"));
            FakeTarget target = f.target();
            target.events().continued(1, true);
            JsonNode continued = body(f.client.event("continued"));
            assertEquals(1, continued.path("threadId").asInt());
            assertTrue(continued.path("allThreadsContinued").asBoolean());
            assertError(EngineError.STALE_HANDLE.id(), f.client.request("scopes", json("{'frameId': 1}")));
        }
    }

    @Test
    void continueReportsWhetherAllThreadsResumed() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            Response r = f.client.ok("continue", json("{'threadId': 1, 'singleThread': true}"));
            assertTrue(body(r).path("allThreadsContinued").asBoolean(),
                    "a target without SingleThreadExecution resumes all threads");
            FakeTarget target = f.target();
            assertEquals(java.util.List.of("resume 1 true"), target.calls("resume"));
        }
    }
}
