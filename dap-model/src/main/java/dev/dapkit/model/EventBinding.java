package dev.dapkit.model;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The type an event's {@code body} binds to.
 *
 * @param event the event name as written on the wire
 * @param bodyType the type of {@code body}; {@code Void.class} for an event without one
 */
public record EventBinding(String event, Type bodyType) {

    public EventBinding {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(bodyType, "bodyType");
    }
}
