package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.body;
import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.server.spi.FunctionBreakpoints;
import dev.dapkit.server.spi.TargetException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Source;
import org.junit.jupiter.api.Test;

class BreakpointsTest {

    private static final String MAIN = "{'source': {'path': '/remote/app/main.py'}, 'breakpoints': [";

    static class FunctionTarget extends FakeTarget implements FunctionBreakpoints {
        volatile List<FunctionBreakpoint> functions = List.of();

        @Override
        public List<Breakpoint> setFunctionBreakpoints(List<FunctionBreakpoint> breakpoints) throws TargetException {
            calls.add("setFunctionBreakpoints " + breakpoints.stream().map(FunctionBreakpoint::name).toList());
            functions = breakpoints;
            List<Breakpoint> answers = new ArrayList<>();
            for (FunctionBreakpoint b : breakpoints) {
                Breakpoint a = new Breakpoint();
                a.setVerified(!b.name().startsWith("missing"));
                answers.add(a);
            }
            return answers;
        }
    }

    @Test
    void idsStayStableWhenTheClientResendsTheWholeList() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            JsonNode first = body(f.client.ok("setBreakpoints", json(MAIN + "{'line': 3}, {'line': 7}]}"))).path("breakpoints");
            JsonNode second = body(f.client.ok("setBreakpoints", json(MAIN + "{'line': 5}, {'line': 3}, {'line': 7}]}")))
                    .path("breakpoints");
            assertEquals(first.get(0).path("id").asInt(), second.get(1).path("id").asInt(), "line 3 keeps its id");
            assertEquals(first.get(1).path("id").asInt(), second.get(2).path("id").asInt(), "line 7 keeps its id");
            int line5 = second.get(0).path("id").asInt();
            assertNotEquals(first.get(0).path("id").asInt(), line5);
            assertNotEquals(first.get(1).path("id").asInt(), line5);

            FakeTarget target = f.target();
            List<Integer> ids = target.lineBreakpoints.get("/remote/app/main.py").stream().map(b -> b.id()).toList();
            assertEquals(List.of(line5, first.get(0).path("id").asInt(), first.get(1).path("id").asInt()), ids,
                    "the target is told the engine's ids");

            JsonNode other = body(f.client.ok("setBreakpoints",
                    json("{'source': {'path': '/remote/app/other.py'}, 'breakpoints': [{'line': 3}]}"))).path("breakpoints");
            assertNotEquals(first.get(0).path("id").asInt(), other.get(0).path("id").asInt(), "another file, another id");
            assertEquals(3, target.lineBreakpoints.get("/remote/app/main.py").size(), "other files are untouched");
        }
    }

    @Test
    void verificationComesFromTheTarget() {
        try (Fixture f = Fixture.of(() -> {
            FakeTarget t = new FakeTarget();
            t.verifies = line -> line < 100;
            t.movesTo = line -> line < 100 ? line + 1 : line;
            return t;
        })) {
            f.client.start("launch", null);
            JsonNode bps = body(f.client.ok("setBreakpoints", json(MAIN + "{'line': 3}, {'line': 300}]}"))).path("breakpoints");
            assertTrue(bps.get(0).path("verified").asBoolean());
            assertEquals(4, bps.get(0).path("line").asInt(), "moved by the target");
            assertFalse(bps.get(1).path("verified").asBoolean());
            assertEquals("no code at line 300", bps.get(1).path("message").asText());
        }
    }

    @Test
    void targetReportsBecomeBreakpointEventsInTheClientsTerms() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(json("{'adapterID': 'x', 'linesStartAt1': false}"));
            int launch = f.client.send("launch",
                    json("{'pathMappings': [{'localRoot': '/home/me/app', 'remoteRoot': '/remote/app'}]}"));
            f.client.ok("configurationDone", null);
            f.client.response(launch);
            int id = body(f.client.ok("setBreakpoints", json("{'source': {'path': '/home/me/app/main.py'},"
                    + " 'breakpoints': [{'line': 9}]}"))).path("breakpoints").get(0).path("id").asInt();

            FakeTarget target = f.target();
            Breakpoint moved = new Breakpoint();
            moved.setId(id);
            moved.setVerified(true);
            moved.setLine(12);
            Source s = new Source();
            s.setPath("/remote/app/main.py");
            moved.setSource(s);
            target.events().breakpointChanged(moved);

            JsonNode changed = body(f.client.event("breakpoint"));
            assertEquals("changed", changed.path("reason").asText());
            assertEquals(id, changed.path("breakpoint").path("id").asInt());
            assertEquals(11, changed.path("breakpoint").path("line").asInt(), "0-based for this client");
            assertEquals("/home/me/app/main.py", changed.path("breakpoint").path("source").path("path").asText());

            Breakpoint own = new Breakpoint();
            own.setVerified(true);
            own.setLine(40);
            own.setSource(s);
            int ownId = target.events().breakpointAdded(own);
            JsonNode added = body(f.client.event("breakpoint", b -> b.path("reason").asText().equals("new")));
            assertEquals(ownId, added.path("breakpoint").path("id").asInt());
            assertNotEquals(id, ownId);
            assertEquals(39, added.path("breakpoint").path("line").asInt());

            target.events().breakpointRemoved(ownId);
            JsonNode removed = body(f.client.event("breakpoint", b -> b.path("reason").asText().equals("removed")));
            assertEquals(ownId, removed.path("breakpoint").path("id").asInt());
        }
    }

    @Test
    void anUnchangedReportSendsNoEvent() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            JsonNode bp = body(f.client.ok("setBreakpoints", json(MAIN + "{'line': 3}]}"))).path("breakpoints").get(0);
            Breakpoint same = new Breakpoint();
            same.setId(bp.path("id").asInt());
            same.setVerified(true);
            same.setLine(3);
            FakeTarget target = f.target();
            target.events().breakpointChanged(same);
            Breakpoint changed = new Breakpoint();
            changed.setId(bp.path("id").asInt());
            changed.setVerified(false);
            changed.setMessage("class unloaded");
            target.events().breakpointChanged(changed);
            JsonNode event = body(f.client.event("breakpoint"));
            assertEquals("class unloaded", event.path("breakpoint").path("message").asText());
            assertEquals(1, f.client.events("breakpoint").size());
        }
    }

    @Test
    void functionBreakpointsKeepTheirIdsByName() {
        try (Fixture f = Fixture.of(FunctionTarget::new)) {
            Object caps = body(f.client.initialize(null)).path("supportsFunctionBreakpoints");
            assertEquals("true", caps.toString());
            int launch = f.client.send("launch", json("{}"));
            JsonNode first = body(f.client.ok("setFunctionBreakpoints",
                    json("{'breakpoints': [{'name': 'main'}, {'name': 'missing'}]}"))).path("breakpoints");
            f.client.ok("configurationDone", null);
            f.client.response(launch);
            JsonNode second = body(f.client.ok("setFunctionBreakpoints",
                    json("{'breakpoints': [{'name': 'run'}, {'name': 'main'}]}"))).path("breakpoints");
            assertTrue(first.get(0).path("verified").asBoolean());
            assertFalse(first.get(1).path("verified").asBoolean());
            assertEquals(first.get(0).path("id").asInt(), second.get(1).path("id").asInt());
            FunctionTarget target = f.target();
            assertEquals(List.of("run", "main"), target.functions.stream().map(FunctionBreakpoints.FunctionBreakpoint::name).toList());
        }
    }
}
