package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.body;
import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.model.Response;
import dev.dapkit.server.spi.Progress;
import dev.dapkit.server.spi.TargetException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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

    /**
     * A target whose {@code threads} is long work: it reports progress, then runs until the test
     * lets it go on (which the test does only once the client has seen the progress and cancelled it).
     */
    static class LongWorkTarget extends FakeTarget {
        final CountDownLatch goOn = new CountDownLatch(1);

        @Override
        public List<org.eclipse.lsp4j.debug.Thread> threads() throws TargetException {
            Progress progress = events().startProgress("Counting threads", null, true);
            CancelTest.await(goOn);
            progress.end(progress.isCancelled() ? "cancelled" : "done");
            if (progress.isCancelled()) {
                throw TargetException.of(9, "counting threads was cancelled");
            }
            return super.threads();
        }
    }

    @Test
    void progressOfARunningRequestReachesTheClientWhileItRuns() {
        try (Fixture f = Fixture.of(LongWorkTarget::new)) {
            f.client.initialize(json("{'adapterID': 'x', 'supportsProgressReporting': true}"));
            int launch = f.client.send("launch", json("{}"));
            f.client.ok("configurationDone", null);
            f.client.response(launch);
            int threads = f.client.send("threads", null);
            // the request still runs: its progress must not wait behind it
            String id = body(f.client.event("progressStart")).path("progressId").asText();
            f.client.ok("cancel", json("{'progressId': '" + id + "'}"));
            LongWorkTarget target = f.target();
            target.goOn.countDown();
            Response r = f.client.response(threads);
            assertEquals(9, TestClient.errorId(r), TestClient.errorText(r));
            assertEquals("cancelled", body(f.client.event("progressEnd")).path("message").asText());
        }
    }
}
