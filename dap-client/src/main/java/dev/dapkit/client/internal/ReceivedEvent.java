package dev.dapkit.client.internal;

import dev.dapkit.model.Event;
import java.lang.reflect.Type;

/**
 * An event as the client keeps it: the message, plus its body bound once to the type someone
 * asked for (subscriptions and waits for one event type usually ask for the same class).
 *
 * <p>Thread-safe: binding is idempotent, so two threads binding at once cost a duplicate bind,
 * never a wrong value.
 */
final class ReceivedEvent {

    private final Event event;
    private volatile Bound bound;

    ReceivedEvent(Event event) {
        this.event = event;
    }

    Event event() {
        return event;
    }

    String name() {
        return event.event();
    }

    /**
     * The body bound to {@code type}; null when the event has none.
     *
     * @throws IllegalArgumentException when the body does not fit {@code type}
     */
    Object body(Type type) {
        Bound b = bound;
        if (b != null && b.type.equals(type)) {
            return b.value;
        }
        Object value = event.body() == null || event.body().isNull() ? null : event.body().bind(type);
        bound = new Bound(type, value);
        return value;
    }

    private record Bound(Type type, Object value) {
    }
}
