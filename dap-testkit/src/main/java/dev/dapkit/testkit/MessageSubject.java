package dev.dapkit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.model.DapMessage;
import java.util.Locale;

/**
 * Names a message in a violation report the way a reader finds it in a log:
 * {@code request 'stackTrace' (seq 3)}, {@code failed response to 'launch' (seq 4, request_seq 2)},
 * {@code event 'stopped' (seq 9)}. Works on any JSON, including the broken messages it describes.
 */
final class MessageSubject {

    private MessageSubject() {
    }

    static String describe(JsonNode message) {
        if (!message.isObject()) {
            return "JSON " + message.getNodeType().name().toLowerCase(Locale.ROOT) + " instead of a message";
        }
        String seq = "seq " + valueOf(message, "seq");
        JsonNode type = message.get("type");
        if (type == null) {
            return "message without a type (" + seq + ")";
        }
        DapMessage.MessageType kind = type.isTextual() ? DapMessage.MessageType.fromWireName(type.asText()) : null;
        if (kind == null) {
            return "message of type " + type + " (" + seq + ")";
        }
        return switch (kind) {
            case REQUEST -> "request " + named(message, "command") + " (" + seq + ")";
            case RESPONSE -> (isFailedResponse(message) ? "failed response to " : "response to ")
                    + named(message, "command") + " (" + seq + ", request_seq " + valueOf(message, "request_seq") + ")";
            case EVENT -> "event " + named(message, "event") + " (" + seq + ")";
        };
    }

    /** Whether {@code success} is the literal {@code false}; a missing or mistyped one is not a failure. */
    static boolean isFailedResponse(JsonNode message) {
        JsonNode success = message.path("success");
        return success.isBoolean() && !success.booleanValue();
    }

    private static String named(JsonNode message, String field) {
        JsonNode name = message.get(field);
        if (name == null) {
            return "without " + field;
        }
        return name.isTextual() ? "'" + name.asText() + "'" : name.toString();
    }

    private static String valueOf(JsonNode message, String field) {
        JsonNode value = message.get(field);
        return value == null ? "missing" : value.toString();
    }
}
