package dev.dapkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DefinitionIndexTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void findsDefinitionsByTheirEnumNotByTheirName() throws Exception {
        JsonNode schema = MAPPER.readTree("""
                {"definitions": {
                  "Request": {}, "Response": {}, "Event": {}, "ErrorResponse": {},
                  "FetchThingsRequest": {"allOf": [{"$ref": "#/definitions/Request"},
                      {"properties": {"command": {"type": "string", "enum": ["fetch_things"]}}}]},
                  "FetchThingsResponse": {"allOf": [{"$ref": "#/definitions/Response"}]},
                  "OrphanRequest": {"allOf": [{"properties": {"command": {"enum": ["orphan"]}}}]},
                  "ThingHappenedEvent": {"allOf": [{"properties": {"event": {"enum": ["thing"]}}}]},
                  "Unrelated": {"properties": {"command": {"type": "string"}}}
                }}""");

        DefinitionIndex index = DefinitionIndex.of(schema);

        assertEquals("FetchThingsRequest", index.request("fetch_things"));
        assertEquals("FetchThingsResponse", index.response("fetch_things"));
        assertEquals("OrphanRequest", index.request("orphan"));
        assertEquals("Response", index.response("orphan"), "no OrphanResponse: the base Response applies");
        assertEquals("ThingHappenedEvent", index.event("thing"));
        assertEquals("Request", index.request("fetchThings"));
        assertEquals("Event", index.event("unknown"));
    }

    @Test
    void indexesEveryRequestAndEventOfTheBundledSchema() throws Exception {
        JsonNode schema;
        try (var in = DapSchemaValidator.class.getResourceAsStream("debugAdapterProtocol.json")) {
            schema = MAPPER.readTree(in);
        }
        DefinitionIndex index = DefinitionIndex.of(schema);

        assertEquals("StackTraceRequest", index.request("stackTrace"));
        assertEquals("StackTraceResponse", index.response("stackTrace"));
        assertEquals("RunInTerminalRequest", index.request("runInTerminal"));
        assertEquals("StoppedEvent", index.event("stopped"));
        assertEquals("ErrorResponse", DefinitionIndex.ERROR_RESPONSE);
        long requestDefinitions = schema.path("definitions").properties().stream()
                .filter(d -> d.getKey().endsWith("Request") && !d.getKey().equals("Request"))
                .count();
        assertEquals(requestDefinitions, index.requestCount(), "every XxxRequest definition has a command enum");
        assertTrue(index.eventCount() > 10, "events found: " + index.eventCount());
    }

    @Test
    void refusesADocumentWithoutTheBaseDefinitions() throws Exception {
        JsonNode schema = MAPPER.readTree("{\"definitions\": {\"Request\": {}, \"Response\": {}}}");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DefinitionIndex.of(schema));
        assertTrue(e.getMessage().contains("\"Event\""), e.getMessage());
    }
}
