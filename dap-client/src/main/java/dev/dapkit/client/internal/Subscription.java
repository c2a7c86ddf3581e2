package dev.dapkit.client.internal;

import dev.dapkit.client.EventSubscription;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code onEvent} registration. Delivery checks {@link #isActive()} right before each call,
 * so a cancel that returned is never followed by a call that had not begun. Thread-safe.
 */
final class Subscription implements EventSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    private final String eventName;
    private final Consumer<ReceivedEvent> handler;
    private final Consumer<Subscription> onCancel;
    private volatile boolean active = true;

    Subscription(String eventName, Consumer<ReceivedEvent> handler, Consumer<Subscription> onCancel) {
        this.eventName = eventName;
        this.handler = handler;
        this.onCancel = onCancel;
    }

    boolean wants(ReceivedEvent event) {
        return eventName.equals(event.name());
    }

    /** Calls the handler unless cancelled; runs on the client's event lane. */
    void deliver(ReceivedEvent event) {
        if (!active) {
            return;
        }
        try {
            handler.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("a handler of '{}' events threw on seq {}; it stays subscribed", eventName, event.event().seq(), e);
        }
    }

    /** Stops delivery without unregistering (the client is closing). */
    void deactivate() {
        active = false;
    }

    @Override
    public void cancel() {
        if (active) {
            active = false;
            onCancel.accept(this);
        }
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public String toString() {
        return "subscription to '" + eventName + "' events" + (active ? "" : " (cancelled)");
    }
}
