package dev.dapkit.model;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * What a request command carries: the type its {@code arguments} bind to and the type of its
 * response's {@code body} ({@code Void.class} when the response has none).
 *
 * @param command the command name as written on the wire
 * @param argumentsType the type of {@code arguments}; {@code Void.class} when the request has none
 * @param responseBodyType the type of the response {@code body}; {@code Void.class} when it has none
 * @param direction who sends the request
 */
public record CommandBinding(String command, Type argumentsType, Type responseBodyType, Direction direction) {

    public CommandBinding {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(argumentsType, "argumentsType");
        Objects.requireNonNull(responseBodyType, "responseBodyType");
        Objects.requireNonNull(direction, "direction");
    }

    /** Who sends a request. */
    public enum Direction {
        /** An ordinary request: the client (the IDE) asks the debug adapter. */
        CLIENT_TO_ADAPTER,
        /** A reverse request, such as {@code runInTerminal}: the debug adapter asks the client. */
        ADAPTER_TO_CLIENT
    }

    /** Whether the response to this command carries a body. */
    public boolean hasResponseBody() {
        return responseBodyType != Void.class;
    }
}
