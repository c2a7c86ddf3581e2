package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.json;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.ExceptionBreakpoints;
import dev.dapkit.server.spi.FunctionBreakpoints;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** How the engine lets go of a target: checked call by call with a mock. */
class DetachTest {

    private static DebugTarget mockTarget() throws Exception {
        DebugTarget target = mock(DebugTarget.class,
                withSettings().extraInterfaces(FunctionBreakpoints.class, ExceptionBreakpoints.class));
        when(target.setLineBreakpoints(any(), anyList())).thenAnswer(call -> {
            List<?> wanted = call.getArgument(1);
            return wanted.stream().map(w -> {
                Breakpoint b = new Breakpoint();
                b.setVerified(true);
                return b;
            }).toList();
        });
        when(((FunctionBreakpoints) target).setFunctionBreakpoints(anyList())).thenReturn(List.of());
        when(((ExceptionBreakpoints) target).exceptionFilters()).thenReturn(List.of());
        return target;
    }

    private static Source path(String p) {
        return argThat(s -> s != null && p.equals(s.getPath()));
    }

    @Test
    void detachingRemovesEveryBreakpointResumesAndThenDisconnects() throws Exception {
        DebugTarget target = mockTarget();
        try (Fixture f = Fixture.of(() -> target)) {
            f.client.start("attach", null);
            f.client.ok("setBreakpoints", json("{'source': {'path': '/a.py'}, 'breakpoints': [{'line': 1}]}"));
            f.client.ok("setBreakpoints", json("{'source': {'path': '/b.py'}, 'breakpoints': [{'line': 2}]}"));
            f.client.ok("setFunctionBreakpoints", json("{'breakpoints': [{'name': 'main'}]}"));
            StoppedEventArguments stopped = new StoppedEventArguments();
            stopped.setReason("pause");
            stopped.setThreadId(5);
            f.context().events().stopped(stopped);
            f.client.event("stopped");

            f.client.ok("disconnect", null);
            f.client.awaitClosed();

            InOrder order = inOrder(target);
            order.verify(target).setLineBreakpoints(path("/a.py"), eq(List.of()));
            order.verify(target).setLineBreakpoints(path("/b.py"), eq(List.of()));
            order.verify((FunctionBreakpoints) target).setFunctionBreakpoints(List.of());
            order.verify((ExceptionBreakpoints) target).setExceptionBreakpoints(List.of(), List.of(), List.of());
            order.verify(target).resume(5, true);
            order.verify(target).disconnect(false);
        }
    }

    @Test
    void aDroppedLaunchSessionTerminatesWithoutTouchingBreakpoints() throws Exception {
        DebugTarget target = mockTarget();
        try (Fixture f = Fixture.of(() -> target)) {
            f.client.start("launch", null);
            f.client.ok("setBreakpoints", json("{'source': {'path': '/a.py'}, 'breakpoints': [{'line': 1}]}"));
            f.client.close();
            verify(target, timeout(TestClient.TIMEOUT_MILLIS)).disconnect(true);
            verify(target, never()).setLineBreakpoints(any(), eq(List.of()));
            verify(target, never()).resume(anyInt(), anyBoolean());
        }
    }

    @Test
    void suspendDebuggeeIsNotHonouredTheDebuggeeResumesAndTheDetachSucceeds() throws Exception {
        DebugTarget target = mockTarget();
        try (Fixture f = Fixture.of(() -> target)) {
            f.client.start("attach", null);
            StoppedEventArguments stopped = new StoppedEventArguments();
            stopped.setReason("pause");
            stopped.setThreadId(5);
            f.context().events().stopped(stopped);
            f.client.event("stopped");

            f.client.ok("disconnect", json("{'terminateDebuggee': false, 'suspendDebuggee': true}"));
            f.client.awaitClosed();
            InOrder order = inOrder(target);
            order.verify(target).resume(5, true);
            order.verify(target).disconnect(false);
        }
    }

    @Test
    void theCapabilitiesDoNotOfferSuspendDebuggee() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            com.fasterxml.jackson.databind.JsonNode caps = TestClient.body(f.client.initialize(null));
            org.junit.jupiter.api.Assertions.assertFalse(caps.path("supportSuspendDebuggee").asBoolean(),
                    "the engine would have to honour suspendDebuggee: " + caps);
        }
    }
}
