package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderingTest {

    @Test
    void initializedEventFollowsTheInitializeResponseAndSeqCountsFromOne() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            int seq = f.client.send("initialize", json("{'adapterID': 'x'}"));
            Event initialized = f.client.event("initialized");
            Response response = f.client.response(seq);

            List<DapMessage> all = f.client.received();
            assertEquals(response, all.get(0), "the initialize response comes first");
            assertEquals(initialized, all.get(1), "initialized comes right after it");
            assertEquals(1, response.seq());
            assertEquals(2, initialized.seq());
        }
    }

    @Test
    void outboundSeqIsConsecutiveInWireOrder() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            for (int i = 0; i < 20; i++) {
                f.client.ok("threads", null);
            }
            List<DapMessage> all = f.client.received();
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i + 1, all.get(i).seq(), () -> "seq out of order in " + all);
            }
        }
    }

    @Test
    void launchIsAnsweredOnlyAfterConfigurationDone() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(null);
            int launch = f.client.send("launch", json("{}"));
            f.client.ok("setBreakpoints", json("{'source': {'path': '/remote/app/main.py'}, 'breakpoints': [{'line': 3}]}"));
            f.client.ok("threads", null);
            assertFalse(f.client.received().stream().anyMatch(m -> m instanceof Response r && r.requestSeq() == launch),
                    "launch was answered before configurationDone");

            int done = f.client.send("configurationDone", null);
            Response launchResponse = f.client.response(launch);
            Response doneResponse = f.client.response(done);
            assertTrue(launchResponse.success());
            assertTrue(doneResponse.seq() < launchResponse.seq(), "configurationDone is answered, then launch");
            FakeTarget target = f.target();
            assertEquals(List.of("launch", "setLineBreakpoints /remote/app/main.py [3]", "threads", "configurationDone"),
                    target.calls);
        }
    }

    @Test
    void configurationSentBeforeLaunchIsHeldAndReplayedAfterIt() {
        try (Fixture f = Fixture.of(() -> {
            FakeTarget t = new FakeTarget();
            t.verifies = line -> line != 4;
            return t;
        })) {
            f.client.initialize(null);
            Response early = f.client.ok("setBreakpoints",
                    json("{'source': {'path': '/remote/app/main.py'}, 'breakpoints': [{'line': 3}, {'line': 4}]}"));
            FakeTarget target = f.target();
            assertTrue(target.calls.isEmpty(), "the target was called before launch: " + target.calls);
            assertFalse(TestClient.body(early).path("breakpoints").get(0).path("verified").asBoolean());

            int launch = f.client.send("launch", json("{}"));
            Event changed = f.client.event("breakpoint");
            Event failed = f.client.event("breakpoint");
            f.client.ok("configurationDone", null);
            assertTrue(f.client.response(launch).success());

            assertEquals(List.of("launch", "setLineBreakpoints /remote/app/main.py [3, 4]", "configurationDone"),
                    target.calls);
            int id = TestClient.body(early).path("breakpoints").get(0).path("id").asInt();
            assertEquals("changed", TestClient.body(changed).path("reason").asText());
            assertEquals(id, TestClient.body(changed).path("breakpoint").path("id").asInt());
            assertTrue(TestClient.body(changed).path("breakpoint").path("verified").asBoolean());
            assertFalse(TestClient.body(failed).path("breakpoint").path("verified").asBoolean());
            assertEquals("no code at line 4", TestClient.body(failed).path("breakpoint").path("message").asText());
        }
    }

    @Test
    void configurationDoneBeforeLaunchIsAppliedRightAfterTheLaunch() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(null);
            f.client.ok("configurationDone", null);
            f.client.ok("launch", json("{}"));
            FakeTarget target = f.target();
            assertEquals(List.of("launch", "configurationDone"), target.calls);
        }
    }

    @Test
    void eventsFromTargetThreadsKeepCallOrder() throws Exception {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            FakeTarget target = f.target();
            Thread emitter = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    org.eclipse.lsp4j.debug.OutputEventArguments o = new org.eclipse.lsp4j.debug.OutputEventArguments();
                    o.setOutput("line " + i + "\n");
                    target.events().output(o);
                    if (i % 50 == 0) {
                        target.events().exited(i);
                    }
                }
            });
            emitter.start();
            emitter.join();
            f.client.event("output", b -> b.path("output").asText().equals("line 199\n"));
            List<String> order = f.client.received().stream().filter(m -> m instanceof Event)
                    .map(m -> (Event) m)
                    .filter(e -> e.event().equals("output") || e.event().equals("exited"))
                    .map(e -> e.event().equals("output") ? TestClient.body(e).path("output").asText().strip()
                            : "exited " + TestClient.body(e).path("exitCode").asInt())
                    .toList();
            assertEquals("line 0", order.get(0));
            assertEquals("exited 0", order.get(1));
            assertEquals("line 50", order.get(51));
            assertEquals("exited 50", order.get(52));
            assertEquals(204, order.size());
        }
    }
}
