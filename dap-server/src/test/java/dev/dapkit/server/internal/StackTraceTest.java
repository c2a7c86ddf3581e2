package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.body;
import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.server.spi.SourceProvider;
import dev.dapkit.server.spi.TargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.debug.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackTraceTest {

    static class SourceServingTarget extends FakeTarget implements SourceProvider {
        @Override
        public SourceContent source(Source source) throws TargetException {
            calls.add("source " + source.getPath());
            return new SourceContent("print('hello from " + source.getPath() + "')\n", "text/x-python");
        }
    }

    @Test
    void pagingIsPassedThroughWithTheTargetsTotal() {
        try (Fixture f = Fixture.of(() -> {
            FakeTarget t = new FakeTarget();
            t.totalFrames = 2;
            return t;
        })) {
            f.client.start("launch", null);
            JsonNode page = body(f.client.ok("stackTrace", json("{'threadId': 1, 'startFrame': 1, 'levels': 1}")));
            assertEquals(1, page.path("stackFrames").size());
            assertEquals("run", page.path("stackFrames").get(0).path("name").asText());
            assertEquals(2, page.path("totalFrames").asInt());
            FakeTarget target = f.target();
            assertEquals(List.of("stackTrace 1 1 1"), target.calls("stackTrace"));
        }
    }

    @Test
    void framePathsAreMappedToTheClientsAndBack(@TempDir Path local) throws Exception {
        Files.createDirectories(local.resolve("lib"));
        Files.writeString(local.resolve("main.py"), "x = 1\n");
        Files.writeString(local.resolve("lib/run.py"), "y = 2\n");
        try (Fixture f = Fixture.of(SourceServingTarget::new)) {
            f.client.initialize(null);
            int launch = f.client.send("launch",
                    json("{'pathMappings': [{'localRoot': '" + local + "', 'remoteRoot': '/remote/app'}]}"));
            f.client.ok("setBreakpoints", json("{'source': {'path': '" + local.resolve("lib/run.py") + "'},"
                    + " 'breakpoints': [{'line': 20}]}"));
            f.client.ok("configurationDone", null);
            f.client.response(launch);

            JsonNode frames = body(f.client.ok("stackTrace", json("{'threadId': 1}"))).path("stackFrames");
            assertEquals(local.resolve("main.py").toString(), frames.get(0).path("source").path("path").asText());
            assertEquals(local.resolve("lib/run.py").toString(), frames.get(1).path("source").path("path").asText());
            assertTrue(frames.get(0).path("source").path("sourceReference").isMissingNode(),
                    "a file that exists locally needs no sourceReference: " + frames.get(0));
            FakeTarget target = f.target();
            assertEquals(List.of("setLineBreakpoints /remote/app/lib/run.py [20]"), target.calls("setLineBreakpoints"));
        }
    }

    @Test
    void breakpointsSetBeforeLaunchAreMappedWithTheLaunchsPathMappings() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(null);
            int id = body(f.client.ok("setBreakpoints", json("{'source': {'path': '/home/me/app/main.py'},"
                    + " 'breakpoints': [{'line': 3}]}"))).path("breakpoints").get(0).path("id").asInt();
            int launch = f.client.send("launch",
                    json("{'pathMappings': [{'localRoot': '/home/me/app', 'remoteRoot': '/remote/app'}]}"));
            JsonNode changed = body(f.client.event("breakpoint")).path("breakpoint");
            f.client.ok("configurationDone", null);
            f.client.response(launch);

            FakeTarget target = f.target();
            assertEquals(List.of("setLineBreakpoints /remote/app/main.py [3]"), target.calls("setLineBreakpoints"));
            assertEquals(id, changed.path("id").asInt());
            assertEquals("/home/me/app/main.py", changed.path("source").path("path").asText());
            JsonNode again = body(f.client.ok("setBreakpoints", json("{'source': {'path': '/home/me/app/main.py'},"
                    + " 'breakpoints': [{'line': 3}]}"))).path("breakpoints").get(0);
            assertEquals(id, again.path("id").asInt());
        }
    }

    @Test
    void aFrameWithoutALocalCopyIsServedThroughSourceReference() {
        try (Fixture f = Fixture.of(SourceServingTarget::new)) {
            f.client.start("launch", null);
            JsonNode frames = body(f.client.ok("stackTrace", json("{'threadId': 1}"))).path("stackFrames");
            JsonNode source = frames.get(0).path("source");
            int ref = source.path("sourceReference").asInt();
            assertTrue(ref > 0, "no sourceReference for a file that does not exist here: " + source);
            assertEquals("/remote/app/main.py", source.path("path").asText());

            JsonNode content = body(f.client.ok("source", json("{'sourceReference': " + ref + ", 'source': {'sourceReference': "
                    + ref + "}}")));
            assertEquals("print('hello from /remote/app/main.py')\n", content.path("content").asText());
            assertEquals("text/x-python", content.path("mimeType").asText());

            f.client.ok("continue", json("{'threadId': 1}"));
            JsonNode again = body(f.client.ok("stackTrace", json("{'threadId': 1}"))).path("stackFrames");
            assertEquals(ref, again.get(0).path("source").path("sourceReference").asInt(), "stable for the session");
            assertTrue(again.get(1).path("source").path("sourceReference").asInt() != ref);
        }
    }

    @Test
    void withoutASourceProviderNoReferenceIsIssued() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            JsonNode frames = body(f.client.ok("stackTrace", json("{'threadId': 1}"))).path("stackFrames");
            assertFalse(frames.get(0).path("source").has("sourceReference"), frames.get(0).toString());
            assertEquals("/remote/app/main.py", frames.get(0).path("source").path("path").asText());
        }
    }

    @Test
    void zeroBasedClientsGetZeroBasedLinesAndColumns() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(json("{'adapterID': 'x', 'linesStartAt1': false, 'columnsStartAt1': false}"));
            int launch = f.client.send("launch", json("{}"));
            JsonNode bps = body(f.client.ok("setBreakpoints",
                    json("{'source': {'path': '/remote/app/main.py'}, 'breakpoints': [{'line': 9, 'column': 0}]}")));
            f.client.ok("configurationDone", null);
            f.client.response(launch);

            FakeTarget target = f.target();
            assertEquals(10, target.lineBreakpoints.get("/remote/app/main.py").get(0).line());
            assertEquals(1, target.lineBreakpoints.get("/remote/app/main.py").get(0).column());
            assertEquals(9, bps.path("breakpoints").get(0).path("line").asInt());

            JsonNode frame = body(f.client.ok("stackTrace", json("{'threadId': 1}"))).path("stackFrames").get(0);
            assertEquals(9, frame.path("line").asInt());
            assertEquals(0, frame.path("column").asInt());
        }
    }
}
