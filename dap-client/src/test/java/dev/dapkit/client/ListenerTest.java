package dev.dapkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import dev.dapkit.model.Event;
import dev.dapkit.model.Response;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** How the client calls its {@link DapClientListener}. */
class ListenerTest {

    private static final int WAIT_MS = 10_000;

    @Test
    void everyEventInArrivalOrderThenTheEndOnce() throws Exception {
        DapClientListener listener = mock(DapClientListener.class);
        ClientFixture f = ClientFixture.start(b -> b.listener(listener));
        f.adapter.event("output", EventsTest.output("one"));
        f.adapter.event("custom", Map.of("n", 2));
        f.adapter.event("output", EventsTest.output("three"));
        f.adapter.close();
        f.client.closeFuture().get(10, TimeUnit.SECONDS);
        // listener calls run on the client's ordered lane, which may still be finishing
        verify(listener, timeout(WAIT_MS)).closed(null);

        InOrder order = inOrder(listener);
        order.verify(listener).eventReceived(argThat(e -> e.event().equals("output") && e.seq() == 1));
        order.verify(listener).eventReceived(argThat(e -> e.event().equals("custom") && e.seq() == 2));
        order.verify(listener).eventReceived(argThat(e -> e.event().equals("output") && e.seq() == 3));
        order.verify(listener).closed(null);
        verify(listener, never()).unmatchedResponse(any());
        f.close();
        verify(listener).closed(any());
    }

    @Test
    void aResponseForNoOpenRequestIsReportedAndIgnored() throws Exception {
        DapClientListener listener = mock(DapClientListener.class);
        try (ClientFixture f = ClientFixture.start(b -> b.listener(listener))) {
            f.adapter.send(new Response(0, 99, true, "threads", null, null, Map.of()));
            ArgumentCaptor<Response> unmatched = ArgumentCaptor.forClass(Response.class);
            verify(listener, timeout(WAIT_MS)).unmatchedResponse(unmatched.capture());
            assertEquals(99, unmatched.getValue().requestSeq());

            // The conversation goes on.
            CompletableFuture<?> threads = f.client.server().threads();
            f.adapter.respond(f.adapter.expectRequest("threads"), null);
            assertNull(threads.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aListenerThatThrowsDoesNotStopSubscriptions() throws Exception {
        DapClientListener listener = mock(DapClientListener.class);
        doThrow(new IllegalStateException("listener bug")).when(listener).eventReceived(any(Event.class));
        try (ClientFixture f = ClientFixture.start(b -> b.listener(listener))) {
            CompletableFuture<Event> seen = new CompletableFuture<>();
            f.client.onEvent("custom", seen::complete);
            f.adapter.event("custom", null);
            assertEquals("custom", seen.get(10, TimeUnit.SECONDS).event());
        }
    }

    @Test
    void aFailedConnectionReportsItsCause() throws Exception {
        DapClientListener listener = mock(DapClientListener.class);
        PipedAdapter adapter = PipedAdapter.start(b -> b.listener(listener));
        adapter.writeRaw("Content-Length: 5\r\n\r\nhello");
        ArgumentCaptor<Throwable> cause = ArgumentCaptor.forClass(Throwable.class);
        verify(listener, timeout(WAIT_MS)).closed(cause.capture());
        assertEquals(dev.dapkit.model.MalformedMessageException.class, cause.getValue().getClass());
        adapter.close();
    }
}
