package dev.dapkit.target.micropython.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Request/reply correlation: ids, replies out of order, late replies, and a link that closes. */
class PendingRequestsTest {

    private final PendingRequests pending = new PendingRequests();
    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode reply(int id) {
        ObjectNode reply = json.createObjectNode();
        reply.put("r", id);
        return reply;
    }

    @Test
    void idsIncreaseFromOne() {
        assertEquals(1, pending.register("go").id());
        assertEquals(2, pending.register("bp").id());
        assertEquals(3, pending.register("stack").id());
    }

    @Test
    void repliesReachTheirRequestsInAnyOrder() throws Exception {
        PendingRequests.Pending first = pending.register("stack");
        PendingRequests.Pending second = pending.register("scopes");
        ObjectNode r2 = reply(2);
        ObjectNode r1 = reply(1);
        assertTrue(pending.complete(2, r2));
        assertTrue(pending.complete(1, r1));
        assertSame(r1, first.reply().get());
        assertSame(r2, second.reply().get());
        assertEquals(0, pending.openCount());
    }

    @Test
    void aReplyToAForgottenRequestIsDropped() {
        PendingRequests.Pending request = pending.register("eval");
        pending.forget(request.id());
        assertFalse(pending.complete(request.id(), reply(request.id())), "a late reply after a timeout finds nobody");
        assertFalse(request.reply().isDone());
        assertFalse(pending.complete(99, reply(99)), "a reply nobody asked for");
    }

    @Test
    void closingFailsEveryOpenRequestWithTheReason() {
        PendingRequests.Pending a = pending.register("stack");
        PendingRequests.Pending b = pending.register("vars");
        pending.closeAll("the link to the MicroPython agent at board:5678 closed: connection reset");
        for (PendingRequests.Pending p : new PendingRequests.Pending[] {a, b}) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> p.reply().get());
            assertInstanceOf(PendingRequests.LinkClosedException.class, e.getCause());
            assertEquals("the link to the MicroPython agent at board:5678 closed: connection reset",
                    e.getCause().getMessage());
        }
        assertEquals(0, pending.openCount());
    }

    @Test
    void aRequestRegisteredAfterTheCloseFailsAtOnce() {
        pending.closeAll("gone");
        PendingRequests.Pending late = pending.register("threads");
        assertTrue(late.reply().isCompletedExceptionally(), "nobody waits for a link that is gone");
        assertEquals(0, pending.openCount());
    }
}
