package dev.dapkit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which definition of the DAP schema describes a given request, response or event.
 *
 * <p>The index is read from the schema itself: a request definition is one whose {@code command}
 * property is restricted by an {@code enum}, an event definition one whose {@code event} property
 * is, and a command's response definition is the request definition's name with
 * {@code Response} in place of {@code Request} (the schema pairs them that way and has no other
 * link between the two). Commands and events the schema does not know fall back to the base
 * {@code Request}, {@code Response} and {@code Event} definitions.
 *
 * <p>Immutable once built; safe to share between threads.
 */
final class DefinitionIndex {

    static final String BASE_REQUEST = "Request";
    static final String BASE_RESPONSE = "Response";
    static final String BASE_EVENT = "Event";
    static final String ERROR_RESPONSE = "ErrorResponse";

    private final Map<String, String> requestByCommand;
    private final Map<String, String> responseByCommand;
    private final Map<String, String> eventByName;

    private DefinitionIndex(Map<String, String> requestByCommand, Map<String, String> responseByCommand,
            Map<String, String> eventByName) {
        this.requestByCommand = Map.copyOf(requestByCommand);
        this.responseByCommand = Map.copyOf(responseByCommand);
        this.eventByName = Map.copyOf(eventByName);
    }

    /**
     * Indexes the {@code definitions} of a DAP schema document.
     *
     * @throws IllegalArgumentException when the document has no {@code definitions} object or
     *     lacks one of the base definitions
     */
    static DefinitionIndex of(JsonNode schemaDocument) {
        JsonNode definitions = schemaDocument.path("definitions");
        if (!definitions.isObject()) {
            throw new IllegalArgumentException("the DAP schema has no \"definitions\" object");
        }
        for (String base : new String[] {BASE_REQUEST, BASE_RESPONSE, BASE_EVENT, ERROR_RESPONSE}) {
            if (!definitions.has(base)) {
                throw new IllegalArgumentException("the DAP schema has no definition \"" + base + "\"");
            }
        }
        Map<String, String> requests = new HashMap<>();
        Map<String, String> responses = new HashMap<>();
        Map<String, String> events = new HashMap<>();
        for (Map.Entry<String, JsonNode> definition : definitions.properties()) {
            String name = definition.getKey();
            for (String command : enumOf(definition.getValue(), "command")) {
                requests.put(command, name);
                String responseName = responseNameFor(name);
                if (responseName != null && definitions.has(responseName)) {
                    responses.put(command, responseName);
                }
            }
            for (String event : enumOf(definition.getValue(), "event")) {
                events.put(event, name);
            }
        }
        return new DefinitionIndex(requests, responses, events);
    }

    /** The definition of a request with {@code command}, or {@code Request} for a custom command. */
    String request(String command) {
        return requestByCommand.getOrDefault(command, BASE_REQUEST);
    }

    /** The definition of a successful response to {@code command}, or {@code Response}. */
    String response(String command) {
        return responseByCommand.getOrDefault(command, BASE_RESPONSE);
    }

    /** The definition of the event {@code event}, or {@code Event} for a custom event. */
    String event(String event) {
        return eventByName.getOrDefault(event, BASE_EVENT);
    }

    int requestCount() {
        return requestByCommand.size();
    }

    int eventCount() {
        return eventByName.size();
    }

    private static String responseNameFor(String requestDefinition) {
        String suffix = "Request";
        if (!requestDefinition.endsWith(suffix)) {
            return null;
        }
        return requestDefinition.substring(0, requestDefinition.length() - suffix.length()) + "Response";
    }

    /**
     * The values of an {@code enum} restricting {@code property}, looked up in the definition's own
     * {@code properties} and in those of its {@code allOf} parts (where the schema puts them).
     */
    private static List<String> enumOf(JsonNode definition, String property) {
        List<String> values = new ArrayList<>();
        collectEnum(definition, property, values);
        for (JsonNode part : definition.path("allOf")) {
            collectEnum(part, property, values);
        }
        return values;
    }

    private static void collectEnum(JsonNode schema, String property, List<String> into) {
        for (JsonNode value : schema.path("properties").path(property).path("enum")) {
            if (value.isTextual()) {
                into.add(value.asText());
            }
        }
    }
}
