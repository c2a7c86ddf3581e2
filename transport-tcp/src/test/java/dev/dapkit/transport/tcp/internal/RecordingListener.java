package dev.dapkit.transport.tcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a {@link DapFrameHandler} reports; used on the embedded channel's thread only. */
final class RecordingListener implements DapFrameHandler.Listener {

    final List<DapMessage> messages = new ArrayList<>();
    final List<Long> frameSizes = new ArrayList<>();
    private int ends;
    private Throwable endCause;

    @Override
    public void messageDecoded(DapMessage message, long frameBytes) {
        messages.add(message);
        frameSizes.add(frameBytes);
    }

    @Override
    public void inputEnded(Throwable cause) {
        ends++;
        endCause = cause;
    }

    boolean ended() {
        return ends > 0;
    }

    /** The input ended once, orderly. */
    void assertEndedOrderly() {
        assertEquals(1, ends, "input ends reported");
        assertEquals(null, endCause, "cause of the end");
    }

    /** The input ended once with a {@code type}, which is returned. */
    <T extends Throwable> T assertEndedWith(Class<T> type) {
        assertEquals(1, ends, "input ends reported");
        assertTrue(endCause != null, "the input ended orderly, a failure was expected");
        return assertInstanceOf(type, endCause);
    }
}
