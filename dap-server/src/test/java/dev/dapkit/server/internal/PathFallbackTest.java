package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.body;
import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.server.spi.LoadedSourcesProvider;
import dev.dapkit.server.spi.TargetException;
import java.util.List;
import org.eclipse.lsp4j.debug.LoadedSourceEventArguments;
import org.eclipse.lsp4j.debug.Source;
import org.junit.jupiter.api.Test;

/** A session without pathMappings finds the target's file by its trailing segments. */
class PathFallbackTest {

    static class DeviceTarget extends FakeTarget implements LoadedSourcesProvider {
        @Override
        public List<Source> loadedSources() throws TargetException {
            Source boot = new Source();
            boot.setPath("/flash/boot.py");
            Source main = new Source();
            main.setPath("/flash/lib/main.py");
            return List.of(boot, main);
        }
    }

    @Test
    void clientPathsMatchReportedTargetPathsBySuffixBothWays() {
        try (Fixture f = Fixture.of(() -> {
            DeviceTarget t = new DeviceTarget();
            t.stack = List.of(new FakeTarget.FakeFrame("main", "/flash/lib/main.py", 3));
            return t;
        })) {
            f.client.start("launch", null);
            JsonNode sources = body(f.client.ok("loadedSources", null)).path("sources");
            assertEquals("/flash/boot.py", sources.get(0).path("path").asText(), "nothing to map it to yet");

            f.client.ok("setBreakpoints", json("{'source': {'path': '/home/me/board/lib/main.py'},"
                    + " 'breakpoints': [{'line': 3}]}"));
            DeviceTarget target = f.target();
            assertEquals(List.of("setLineBreakpoints /flash/lib/main.py [3]"), target.calls("setLineBreakpoints"));

            JsonNode frame = body(f.client.ok("stackTrace", json("{'threadId': 1}"))).path("stackFrames").get(0);
            assertEquals("/home/me/board/lib/main.py", frame.path("source").path("path").asText());
        }
    }

    @Test
    void loadedSourceEventsTeachTheEngineNewPaths() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            LoadedSourceEventArguments loaded = new LoadedSourceEventArguments();
            loaded.setReason(org.eclipse.lsp4j.debug.LoadedSourceEventArgumentsReason.NEW);
            Source s = new Source();
            s.setPath("/opt/app/src/pkg/util.py");
            loaded.setSource(s);
            FakeTarget target = f.target();
            target.events().loadedSource(loaded);
            f.client.event("loadedSource");
            f.client.ok("setBreakpoints", json("{'source': {'path': 'C:\\\\work\\\\pkg\\\\util.py'},"
                    + " 'breakpoints': [{'line': 8}]}"));
            assertEquals(List.of("setLineBreakpoints /opt/app/src/pkg/util.py [8]"), target.calls("setLineBreakpoints"));
        }
    }
}
