package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.body;
import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.server.spi.Progress;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void progressIsReportedToClientsThatSupportItAndCanBeCancelled() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(json("{'adapterID': 'x', 'supportsProgressReporting': true}"));
            Progress progress = f.context().events().startProgress("Loading classes", "jar 1 of 3", true);
            JsonNode start = body(f.client.event("progressStart"));
            String id = start.path("progressId").asText();
            assertEquals("Loading classes", start.path("title").asText());
            assertTrue(start.path("cancellable").asBoolean());

            progress.update("jar 2 of 3", 66.0);
            JsonNode update = body(f.client.event("progressUpdate"));
            assertEquals(id, update.path("progressId").asText());
            assertEquals(66.0, update.path("percentage").asDouble());

            assertFalse(progress.isCancelled());
            f.client.ok("cancel", json("{'progressId': '" + id + "'}"));
            assertTrue(progress.isCancelled());

            progress.end("stopped");
            progress.end("twice");
            JsonNode end = body(f.client.event("progressEnd"));
            assertEquals(id, end.path("progressId").asText());
            assertEquals("stopped", end.path("message").asText());
            f.client.ok("configurationDone", null);
            assertEquals(1, f.client.events("progressEnd").size());
        }
    }

    @Test
    void clientsWithoutProgressSupportGetNoProgressEvents() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(null);
            Progress progress = f.context().events().startProgress("Loading", null, false);
            progress.update("half", 50.0);
            progress.end(null);
            f.client.ok("configurationDone", null);
            assertFalse(f.client.hasEvent("progressStart"));
            assertFalse(f.client.hasEvent("progressUpdate"));
            assertFalse(f.client.hasEvent("progressEnd"));
        }
    }
}
