package dev.dapkit.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancelSignalTest {

    @Test
    void actionsRunOnceWhenCancelled() {
        CancelSignal signal = new CancelSignal("test");
        List<String> ran = new ArrayList<>();
        signal.onCancel(() -> ran.add("a"));
        signal.onCancel(() -> ran.add("b"));
        assertTrue(ran.isEmpty());
        assertTrue(signal.cancel());
        assertFalse(signal.cancel(), "a second cancel is a no-op");
        assertEquals(List.of("a", "b"), ran);
        assertTrue(signal.isCancelled());
    }

    @Test
    void anActionRegisteredAfterTheCancelRunsAtOnce() {
        CancelSignal signal = new CancelSignal("test");
        signal.cancel();
        List<String> ran = new ArrayList<>();
        signal.onCancel(() -> ran.add("late"));
        assertEquals(List.of("late"), ran);
    }

    @Test
    void afterTheCallIsOverNothingCancelsAndActionsAreDropped() {
        CancelSignal signal = new CancelSignal("test");
        List<String> ran = new ArrayList<>();
        signal.onCancel(() -> ran.add("early"));
        signal.finish();
        assertFalse(signal.cancel());
        signal.onCancel(() -> ran.add("after"));
        assertFalse(signal.isCancelled());
        assertTrue(ran.isEmpty(), ran.toString());
    }

    @Test
    void aFailingActionDoesNotStopTheOthers() {
        CancelSignal signal = new CancelSignal("test");
        List<String> ran = new ArrayList<>();
        signal.onCancel(() -> {
            throw new IllegalStateException("boom");
        });
        signal.onCancel(() -> ran.add("second"));
        assertTrue(signal.cancel());
        assertEquals(List.of("second"), ran);
    }

    @Test
    void theCurrentCallIsTheRequestsWhileItRunsAndNeverOtherwise() {
        CurrentCall calls = new CurrentCall();
        assertFalse(calls.signal() instanceof CancelSignal);
        CancelSignal request = new CancelSignal("request");
        CancelSignal outer = calls.begin(request);
        assertEquals(request, calls.signal());
        calls.cancel();
        assertTrue(request.isCancelled());
        calls.end(outer);
        assertFalse(calls.signal() instanceof CancelSignal);
        List<Boolean> seen = new ArrayList<>();
        calls.runInternal("internal", () -> seen.add(calls.signal() instanceof CancelSignal s && !s.isCancelled()));
        assertEquals(List.of(true), seen);
    }
}
