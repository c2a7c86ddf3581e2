package dev.dapkit.client.internal;

import dev.dapkit.client.TraceEntry;
import dev.dapkit.client.TraceEntry.Direction;
import dev.dapkit.model.DapMessage;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's wire trace: hands every message, with its final {@code seq}, to a consumer and/or
 * to the SLF4J logger {@code dev.dapkit.client.trace} at debug level.
 *
 * <p>Thread-safe. Entries are recorded one at a time under one lock, so the consumer is never
 * called concurrently and sees sent messages in wire order (the sender records while it holds
 * the lock that orders sends).
 */
final class Tracer {

    private static final Logger WIRE = LoggerFactory.getLogger("dev.dapkit.client.trace");

    private final Consumer<TraceEntry> consumer;
    private final boolean toLog;
    private final String description;
    private final Clock clock;

    Tracer(Consumer<TraceEntry> consumer, boolean toLog, String description, Clock clock) {
        this.consumer = consumer;
        this.toLog = toLog;
        this.description = description;
        this.clock = clock;
    }

    void sent(DapMessage message) {
        record(Direction.SENT, message);
    }

    void received(DapMessage message) {
        record(Direction.RECEIVED, message);
    }

    private void record(Direction direction, DapMessage message) {
        boolean log = toLog && WIRE.isDebugEnabled();
        if (consumer == null && !log) {
            return;
        }
        synchronized (this) {
            TraceEntry entry = new TraceEntry(direction, clock.instant(), message);
            if (log) {
                WIRE.debug("{} {}", description, entry);
            }
            if (consumer != null) {
                try {
                    consumer.accept(entry);
                } catch (RuntimeException e) {
                    // A broken trace must not break the conversation it watches.
                    WIRE.warn("the trace consumer of {} threw on {} seq {}", description, direction, message.seq(), e);
                }
            }
        }
    }
}
