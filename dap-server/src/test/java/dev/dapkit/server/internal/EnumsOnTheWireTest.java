package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Event;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.StreamConnections;
import dev.dapkit.server.DapServer;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.ExceptionInfoProvider;
import dev.dapkit.server.spi.LineBreakpoint;
import dev.dapkit.server.spi.TargetContext;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.BreakpointNotVerifiedReason;
import org.eclipse.lsp4j.debug.ExceptionBreakMode;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.ProcessEventArguments;
import org.eclipse.lsp4j.debug.ProcessEventArgumentsStartMethod;
import org.eclipse.lsp4j.debug.Source;
import org.junit.jupiter.api.Test;

/**
 * LSP4J Debug's enums, which the engine writes in responses and events it builds from a target's
 * answers, reach the client as DAP's lowerCamel strings: checked on the bytes that crossed a real
 * byte stream (two OS pipes), not on objects.
 */
class EnumsOnTheWireTest {

    /** Answers breakpoints as pending, exceptions as user-unhandled, and says it attached to a suspended launch. */
    static class EnumTarget extends FakeTarget implements ExceptionInfoProvider {
        @Override
        public List<Breakpoint> setLineBreakpoints(Source source, List<LineBreakpoint> breakpoints) {
            return breakpoints.stream().map(b -> {
                Breakpoint pending = new Breakpoint();
                pending.setVerified(false);
                pending.setReason(BreakpointNotVerifiedReason.PENDING);
                return pending;
            }).toList();
        }

        @Override
        public ExceptionInfoResponse exceptionInfo(int threadId) {
            ExceptionInfoResponse info = new ExceptionInfoResponse();
            info.setExceptionId("E");
            info.setBreakMode(ExceptionBreakMode.USER_UNHANDLED);
            return info;
        }

        @Override
        public void attach(dev.dapkit.model.RawJson arguments) {
            ProcessEventArguments process = new ProcessEventArguments();
            process.setName("app");
            process.setStartMethod(ProcessEventArgumentsStartMethod.ATTACH_FOR_SUSPENDED_LAUNCH);
            events().process(process);
        }
    }

    @Test
    void enumsAreWrittenAsDapsLowerCamelStrings() throws Exception {
        Pipe toServer = Pipe.open();
        Pipe toClient = Pipe.open();
        DapConnection serverSide = StreamConnections.of(Channels.newInputStream(toServer.source()),
                Channels.newOutputStream(toClient.sink()), "pipe server");
        DapConnection clientSide = StreamConnections.of(Channels.newInputStream(toClient.source()),
                Channels.newOutputStream(toServer.sink()), "pipe client");
        AtomicReference<DebugTarget> created = new AtomicReference<>();
        try (DapServer server = DapServer.builder()
                .target(Fixture.provider(EnumTarget::new, created, new AtomicReference<TargetContext>())).build()) {
            server.serve(serverSide);
            TestClient client = new TestClient(clientSide);
            try {
                client.start("attach", null);
                Event process = client.event("process");
                assertTrue(process.body().toString().contains("\"startMethod\":\"attachForSuspendedLaunch\""),
                        process.body().toString());

                Response set = client.ok("setBreakpoints", json("{'source': {'path': '/a.py'}, 'breakpoints': [{'line': 1}]}"));
                assertTrue(set.body().toString().contains("\"reason\":\"pending\""), set.body().toString());

                Breakpoint failed = new Breakpoint();
                failed.setId(TestClient.body(set).path("breakpoints").get(0).path("id").asInt());
                failed.setVerified(false);
                failed.setReason(BreakpointNotVerifiedReason.FAILED);
                ((FakeTarget) created.get()).events().breakpointChanged(failed);
                Event changed = client.event("breakpoint");
                assertTrue(changed.body().toString().contains("\"reason\":\"failed\""), changed.body().toString());
                assertEquals("changed", TestClient.body(changed).path("reason").asText());

                Response info = client.ok("exceptionInfo", json("{'threadId': 1}"));
                assertTrue(info.body().toString().contains("\"breakMode\":\"userUnhandled\""), info.body().toString());
            } finally {
                client.close();
            }
        }
    }
}
