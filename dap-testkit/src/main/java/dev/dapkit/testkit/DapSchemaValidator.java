package dev.dapkit.testkit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.i18n.DefaultMessageSource;
import dev.dapkit.model.DapJson;
import dev.dapkit.model.DapMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Checks DAP messages against the DAP JSON schema (DAP 1.71, {@code debugAdapterProtocol.json},
 * bundled with the testkit), so that a conformance suite can check every message it sees.
 *
 * <p>Each message is checked against the definition the schema gives it:
 * <ul>
 *   <li>a request against the definition whose {@code command} enum names its command
 *       ({@code stackTrace} &rarr; {@code StackTraceRequest});
 *   <li>a successful response against the matching response definition
 *       ({@code StackTraceResponse});
 *   <li>a failed response ({@code "success": false}) against {@code ErrorResponse} when it has a
 *       body, so that {@code body.error} must be a well-formed {@code Message}, and against the
 *       plain {@code Response} when it has none: the spec's {@code Response} lets a failed
 *       response carry only {@code message} (as a {@code cancelled} response does), while
 *       {@code ErrorResponse} requires a body; neither is held to the command's success shape;
 *   <li>an event against the definition whose {@code event} enum names it
 *       ({@code stopped} &rarr; {@code StoppedEvent});
 *   <li>custom commands and events against the base {@code Request}, {@code Response} and
 *       {@code Event} definitions;
 *   <li>anything whose {@code type} is none of {@code request}, {@code response}, {@code event}
 *       against {@code ProtocolMessage} with {@code type} limited to those three.
 * </ul>
 * Fields the schema does not define are allowed, as the schema allows them (an adapter's own
 * {@code launch} settings, for one). The schema wants {@code seq} &ge; 1: a message built by
 * dapkit carries {@code seq} 0 until it is stamped for the wire, so check messages as sent.
 *
 * <p>Thread-safe. The schema is read once per JVM ({@link #standard()}); each definition is
 * compiled once, on first use, and kept.
 */
public final class DapSchemaValidator {

    /** The schema's home; it is served from the bundled copy and never fetched. */
    private static final String SCHEMA_IRI =
            "https://microsoft.github.io/debug-adapter-protocol/debugAdapterProtocol.json";
    /** A one-line schema of our own: {@code ProtocolMessage} with {@code type} limited to the three values. */
    private static final String ENVELOPE_IRI = "https://dapkit.dev/testkit/protocol-message.json";
    private static final String ENVELOPE = "ProtocolMessage";
    private static final String RESOURCE = "debugAdapterProtocol.json";

    private final ObjectMapper mapper;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final DefinitionIndex index;
    private final ConcurrentMap<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final Object compileLock = new Object();

    private DapSchemaValidator(String schemaText) {
        this.mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try {
            this.index = DefinitionIndex.of(mapper.readTree(schemaText));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the bundled DAP schema " + RESOURCE + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        String envelope = "{\"allOf\": [{\"$ref\": \"" + SCHEMA_IRI + "#/definitions/ProtocolMessage\"},"
                + " {\"properties\": {\"type\": {\"enum\": [\"request\", \"response\", \"event\"]}}}]}";
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(dapDialect()).schemaLoaders(loaders -> loaders.schemas(
                        Map.of(SCHEMA_IRI, schemaText, ENVELOPE_IRI, envelope))));
        this.config = SchemaValidatorsConfig.builder()
                .locale(Locale.ENGLISH)
                .messageSource(IntegerFormat.messagesBefore(DefaultMessageSource.getInstance()))
                .pathType(PathType.LEGACY)
                .build();
    }

    /**
     * Draft-04 as the DAP schema uses it: its integer formats are checked, and its documentation
     * keywords ({@code _enum} lists the usual values of an open string, {@code enumDescriptions}
     * explains them) are known, so they neither validate nor log "unknown keyword".
     */
    private static JsonMetaSchema dapDialect() {
        JsonMetaSchema draft4 = JsonMetaSchema.getV4();
        return JsonMetaSchema.builder(draft4.getIri(), draft4)
                .keywords(List.of(new NonValidationKeyword("_enum"), new NonValidationKeyword("enumDescriptions")))
                .formats(List.of(IntegerFormat.values()))
                .build();
    }

    /** The validator for the bundled DAP schema, loaded on first use. */
    public static DapSchemaValidator standard() {
        return Bundled.INSTANCE;
    }

    /**
     * Checks a message as it would be written to the wire ({@link DapJson#writeMessage}).
     *
     * @return the result; never null
     */
    public SchemaValidationResult validate(DapMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            DapJson.standard().writeMessage(message, out);
        } catch (IOException e) {
            // a ByteArrayOutputStream does not fail; only a broken writer gets here
            throw new UncheckedIOException("cannot write " + message.type().wireName() + " seq "
                    + message.seq() + " as JSON", e);
        }
        return parseAndValidate(out.toByteArray());
    }

    /**
     * Checks the JSON text of one message. Text that is not one well-formed JSON value gives a
     * result with one violation (keyword {@code json}) instead of an exception, so that a suite
     * checking raw frames reports it like any other broken message.
     *
     * @return the result; never null
     */
    public SchemaValidationResult validate(String json) {
        return parseAndValidate(json.getBytes(StandardCharsets.UTF_8));
    }

    private SchemaValidationResult parseAndValidate(byte[] utf8) {
        JsonNode tree;
        try {
            tree = mapper.readTree(utf8);
        } catch (JsonProcessingException e) {
            String subject = "message text";
            String what = "$: not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr() + ")");
            return new SchemaValidationResult(subject, ENVELOPE,
                    List.of(new SchemaViolation(subject, ENVELOPE, "$", "json", what)));
        } catch (IOException e) {
            // reading from a byte array does no I/O; only a broken parser gets here
            throw new UncheckedIOException("cannot parse message text", e);
        }
        return validate(tree);
    }

    /**
     * Checks a message and fails the calling test when it breaks the schema.
     *
     * @throws AssertionError listing every violation, each with the message's command or event and
     *     the JSON path of the offending value
     */
    public void assertValid(DapMessage message) {
        failIfInvalid(validate(message));
    }

    /**
     * Checks the JSON text of one message and fails the calling test when it breaks the schema.
     *
     * @throws AssertionError listing every violation
     */
    public void assertValid(String json) {
        failIfInvalid(validate(json));
    }

    private static void failIfInvalid(SchemaValidationResult result) {
        if (!result.isValid()) {
            throw new AssertionError(result.toString());
        }
    }

    private SchemaValidationResult validate(JsonNode tree) {
        String subject = MessageSubject.describe(tree);
        String definition = definitionFor(tree);
        List<SchemaViolation> violations = new ArrayList<>();
        for (ValidationMessage found : schemaFor(definition).validate(tree)) {
            violations.add(new SchemaViolation(subject, definition, found.getInstanceLocation().toString(),
                    found.getType(), found.getMessage()));
        }
        return new SchemaValidationResult(subject, definition, violations);
    }

    private String definitionFor(JsonNode tree) {
        DapMessage.MessageType type = tree.path("type").isTextual()
                ? DapMessage.MessageType.fromWireName(tree.path("type").asText())
                : null;
        if (type == null || !tree.isObject()) {
            return ENVELOPE;
        }
        JsonNode command = tree.path("command");
        return switch (type) {
            case REQUEST -> command.isTextual() ? index.request(command.asText()) : DefinitionIndex.BASE_REQUEST;
            case RESPONSE -> responseDefinitionFor(tree, command);
            case EVENT -> tree.path("event").isTextual()
                    ? index.event(tree.path("event").asText())
                    : DefinitionIndex.BASE_EVENT;
        };
    }

    private String responseDefinitionFor(JsonNode tree, JsonNode command) {
        if (MessageSubject.isFailedResponse(tree)) {
            return tree.hasNonNull("body") ? DefinitionIndex.ERROR_RESPONSE : DefinitionIndex.BASE_RESPONSE;
        }
        return command.isTextual() ? index.response(command.asText()) : DefinitionIndex.BASE_RESPONSE;
    }

    /**
     * The compiled schema of one definition. Compiling is serialized and finishes (references
     * included) before the schema is published, so validating threads never see a half-built one.
     */
    private JsonSchema schemaFor(String definition) {
        JsonSchema schema = compiled.get(definition);
        if (schema != null) {
            return schema;
        }
        synchronized (compileLock) {
            return compiled.computeIfAbsent(definition, this::compile);
        }
    }

    private JsonSchema compile(String definition) {
        SchemaLocation location = ENVELOPE.equals(definition)
                ? SchemaLocation.of(ENVELOPE_IRI)
                : SchemaLocation.of(SCHEMA_IRI + "#/definitions/" + definition);
        JsonSchema schema = factory.getSchema(location, config);
        schema.initializeValidators();
        return schema;
    }

    private static DapSchemaValidator load() {
        try (InputStream in = DapSchemaValidator.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the DAP schema resource dev/dapkit/testkit/" + RESOURCE
                        + " is missing from the class path (it ships in the dap-testkit jar)");
            }
            return new DapSchemaValidator(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the DAP schema resource dev/dapkit/testkit/" + RESOURCE, e);
        }
    }

    /** Holds the one validator per JVM; the schema is read when it is first asked for. */
    private static final class Bundled {
        static final DapSchemaValidator INSTANCE = load();
    }
}
