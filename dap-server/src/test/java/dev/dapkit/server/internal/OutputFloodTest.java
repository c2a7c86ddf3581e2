package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.server.DapServer;
import dev.dapkit.server.ServerOptions;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.TargetContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.junit.jupiter.api.Test;

class OutputFloodTest {

    private static final int MAX = 64 * 1024;
    private static final Pattern NOTICE = Pattern.compile(
            "dapkit: dropped (\\d+) output events \\((\\d+) bytes\\) because the client did not keep up\n");

    private static boolean isNotice(DapMessage m) {
        return m instanceof Event e && e.event().equals("output")
                && NOTICE.matcher(e.body().tree().path("output").asText()).matches();
    }

    @Test
    void aClientThatDoesNotReadCannotMakeTheServerBufferWithoutEnd() {
        AtomicReference<DebugTarget> created = new AtomicReference<>();
        AtomicReference<TargetContext> context = new AtomicReference<>();
        try (DapServer server = DapServer.builder()
                .target(Fixture.provider(FakeTarget::new, created, context))
                .options(ServerOptions.defaults().withMaxBufferedOutputBytes(MAX)).build()) {
            StalledConnection connection = new StalledConnection();
            ServerSession session = (ServerSession) server.serve(connection);
            connection.request("initialize", json("{'adapterID': 'x'}"));
            connection.request("launch", json("{}"));
            connection.request("configurationDone", null);
            connection.await(m -> m instanceof dev.dapkit.model.Response r && r.command().equals("launch"));

            String line = "x".repeat(90) + "\n";
            int printed = 20_000;
            long peak = 0;
            for (int i = 0; i < printed; i++) {
                OutputEventArguments o = new OutputEventArguments();
                o.setCategory("stdout");
                o.setOutput(line);
                context.get().events().output(o);
                long buffered = session.outputBuffer().bufferedBytes();
                peak = Math.max(peak, buffered);
                assertTrue(buffered <= MAX, "buffered " + buffered + " bytes, more than the bound " + MAX);
            }
            assertTrue(connection.pendingOutputBytes() <= MAX, "pending sends hold " + connection.pendingOutputBytes());
            assertTrue(peak > MAX / 2, "the buffer was used (peak " + peak + ")");
            long sentOutputs = connection.sent().stream().filter(m -> m instanceof Event e && e.event().equals("output")).count();
            assertTrue(sentOutputs < printed / 10, "most output was dropped, " + sentOutputs + " went out");

            connection.releaseAll();
            Event notice = (Event) connection.await(OutputFloodTest::isNotice);
            Matcher m = NOTICE.matcher(notice.body().tree().path("output").asText());
            assertTrue(m.matches());
            long dropped = Long.parseLong(m.group(1));
            long admitted = connection.sent().stream()
                    .filter(x -> x instanceof Event e && e.event().equals("output") && !isNotice(x)).count();
            assertEquals(printed, dropped + admitted, "every line is either sent or counted as dropped");
            assertEquals(dropped * line.length(), Long.parseLong(m.group(2)));
            connection.releaseAll();

            OutputEventArguments after = new OutputEventArguments();
            after.setOutput("after the flood\n");
            context.get().events().output(after);
            connection.await(x -> x instanceof Event e && e.body() != null
                    && e.body().tree().path("output").asText().equals("after the flood\n"));
            List<DapMessage> notices = connection.sent().stream().filter(OutputFloodTest::isNotice).toList();
            assertEquals(1, notices.size(), "one notice per flood");
            connection.close();
        }
    }
}
