package dev.dapkit.testkit.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.testkit.client.WireMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ProgressStartEventArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code cancel} of the fake target's long evaluations ({@code busy(n)}), through the engine: the
 * target watches the request's own signal, so no cancel is lost and none reaches another request.
 */
class FakeTargetCancelThroughServerTest {

    /** Steps {@code busy} would take before giving up on its own: far longer than any test waits. */
    private static final String FOREVER = "busy(1000000000000)";

    private ServedFakeSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.client.assertNoSchemaViolations();
            session.client.assertNoProtocolErrors();
            session.close();
        }
    }

    /** A session stopped after {@code x = 41}; returns the top frame's id. */
    private int stoppedAfterTheFirstLine(boolean progress) {
        session = ServedFakeSession.of("x = 41\nx = x + 1\npass");
        session.initialize(progress);
        session.launch(true);
        assertEquals("entry", session.stopped().getReason());
        assertEquals("step", session.next().getReason());
        return session.stack()[0].getId();
    }

    private CompletableFuture<Response> evaluate(String expression, int frameId) {
        return session.client.send("evaluate", ServedFakeSession.evaluation(expression, frameId));
    }

    /** The seq the client gave the last request it sent. */
    private int lastSentSeq() {
        List<WireMessage> log = session.client.wireLog();
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).direction() == WireMessage.Direction.SENT && log.get(i).message() instanceof Request r) {
                return r.seq();
            }
        }
        throw new AssertionError("no request was sent");
    }

    private CompletableFuture<Response> cancel(int seq) {
        return session.client.send("cancel", Map.of("requestId", seq));
    }

    private static Response await(CompletableFuture<Response> response) {
        return response.orTimeout(ServedFakeSession.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Test
    void aRunningEvaluationIsCancelledAndTheNextIsNot() {
        int frame = stoppedAfterTheFirstLine(true);
        CompletableFuture<Response> forever = evaluate(FOREVER, frame);
        int seq = lastSentSeq();
        ProgressStartEventArguments progress = session.client.awaitEvent(ProgressStartEventArguments.class,
                p -> p.getTitle().contains("busy"), ServedFakeSession.TIMEOUT);
        assertTrue(progress.getCancellable());

        assertTrue(await(cancel(seq)).success());
        Response cancelled = await(forever);
        assertFalse(cancelled.success());
        assertEquals("cancelled", cancelled.message());
        assertEquals("42", session.evaluate("x + 1", frame).getResult(), "the next evaluation runs to its end");
        assertEquals("10", session.evaluate("busy(10)", frame).getResult());
    }

    @Test
    void aCancelRightBehindItsRequestIsNeverLostAndNeverReachesTheNextRequest() {
        int frame = stoppedAfterTheFirstLine(false);
        for (int round = 0; round < 25; round++) {
            CompletableFuture<Response> forever = evaluate(FOREVER, frame);
            CompletableFuture<Response> cancel = cancel(lastSentSeq());
            CompletableFuture<Response> next = evaluate("x + " + round, frame);

            Response cancelled = await(forever);
            assertEquals("cancelled", cancelled.message(), "round " + round + ": " + cancelled);
            assertTrue(await(cancel).success());
            Response answered = await(next);
            assertTrue(answered.success(), "round " + round + ": the cancel reached the next request: " + answered);
            assertEquals(String.valueOf(41 + round), answered.body(EvaluateResponse.class).getResult());
        }
    }

    @Test
    void cancellingTheProgressStopsTheEvaluationToo() {
        int frame = stoppedAfterTheFirstLine(true);
        CompletableFuture<Response> forever = evaluate(FOREVER, frame);
        ProgressStartEventArguments progress = session.client.awaitEvent(ProgressStartEventArguments.class,
                p -> true, ServedFakeSession.TIMEOUT);
        assertTrue(await(session.client.send("cancel", Map.of("progressId", progress.getProgressId()))).success());
        Response stopped = await(forever);
        assertFalse(stopped.success());
        assertEquals(3009, stopped.body().tree().path("error").path("id").asInt(), stopped.toString());
    }
}
