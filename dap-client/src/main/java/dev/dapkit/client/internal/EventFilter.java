package dev.dapkit.client.internal;

import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which events a wait is for: an event name and a predicate on the event. A predicate that
 * throws (or a body that cannot be bound to the awaited type) counts as no match and is logged.
 *
 * @param eventName the event name, e.g. {@code stopped}
 * @param predicate the test the event must pass
 * @param description what is awaited, for messages, e.g. {@code a 'stopped' event matching the predicate}
 */
record EventFilter(String eventName, Predicate<ReceivedEvent> predicate, String description) {

    private static final Logger LOG = LoggerFactory.getLogger(EventFilter.class);

    boolean matches(ReceivedEvent event) {
        if (!eventName.equals(event.name())) {
            return false;
        }
        try {
            return predicate.test(event);
        } catch (RuntimeException e) {
            LOG.warn("testing event '{}' seq {} for {} threw; counted as no match", event.name(),
                    event.event().seq(), description, e);
            return false;
        }
    }
}
