package dev.dapkit.server.internal;

import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import java.util.Map;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a session's {@code output} events until the client has taken them, up to a bound. An
 * event counts against the bound from the moment it is offered until the connection has written
 * it, so a client that does not read (or a slow link) cannot make the engine buffer without end:
 * output beyond the bound is dropped and counted, and once everything buffered has gone out the
 * client gets one line saying how much was lost.
 *
 * <p>Thread-safe: {@link #offer} is called from any target thread and never blocks; events are
 * sent from the session thread, in offer order relative to the session's other events.
 */
final class OutputBuffer {

    private static final Logger LOG = LoggerFactory.getLogger(OutputBuffer.class);

    private final int maxBytes;
    private final SessionLane lane;
    private final MessageSequencer sequencer;
    private long bufferedBytes;
    private long droppedEvents;
    private long droppedBytes;

    OutputBuffer(int maxBytes, SessionLane lane, MessageSequencer sequencer) {
        this.maxBytes = maxBytes;
        this.lane = lane;
        this.sequencer = sequencer;
    }

    /** Queues an output event for the session thread to send, or drops it when the buffer is full. */
    void offer(OutputEventArguments output) {
        Event event = admit(output);
        if (event != null) {
            lane.submit(() -> send(event));
        }
    }

    /** Sends an output event now; for the session thread, which keeps event order itself. */
    void sendNow(OutputEventArguments output) {
        Event event = admit(output);
        if (event != null) {
            send(event);
        }
    }

    /** The bytes of output events offered and not yet written; for tests and diagnostics. */
    synchronized long bufferedBytes() {
        return bufferedBytes;
    }

    /** Output events dropped since the last report; for tests. */
    synchronized long droppedEvents() {
        return droppedEvents;
    }

    private Event admit(OutputEventArguments output) {
        synchronized (this) {
            if (bufferedBytes >= maxBytes) {
                return drop(output);
            }
        }
        Event event = Event.of("output", output);
        long size = event.body().byteLength();
        synchronized (this) {
            if (bufferedBytes + size > maxBytes) {
                return drop(output);
            }
            bufferedBytes += size;
        }
        return event;
    }

    private Event drop(OutputEventArguments output) {
        droppedEvents++;
        droppedBytes += utf8Length(output.getOutput());
        if (droppedEvents == 1) {
            LOG.debug("output buffer full ({} bytes); dropping output until the client catches up", bufferedBytes);
        }
        return null;
    }

    private void send(Event event) {
        long size = event.body().byteLength();
        sequencer.send(event).whenComplete((ok, failure) -> released(size));
    }

    private void released(long size) {
        Event notice = null;
        synchronized (this) {
            bufferedBytes -= size;
            if (bufferedBytes == 0 && droppedEvents > 0) {
                notice = droppedNotice(droppedEvents, droppedBytes);
                droppedEvents = 0;
                droppedBytes = 0;
                bufferedBytes += notice.body().byteLength();
            }
        }
        if (notice != null) {
            Event n = notice;
            lane.submit(() -> send(n));
        }
    }

    private static Event droppedNotice(long events, long bytes) {
        OutputEventArguments o = new OutputEventArguments();
        o.setCategory("console");
        o.setOutput("dapkit: dropped " + events + " output events (" + bytes
                + " bytes) because the client did not keep up\n");
        return new Event(0, "output", RawJson.from(o), Map.of());
    }

    private static long utf8Length(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
