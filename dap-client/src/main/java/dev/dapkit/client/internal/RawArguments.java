package dev.dapkit.client.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dapkit.model.DapJson;
import dev.dapkit.model.RawJson;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Turns what a caller passes as request arguments into the raw JSON the client sends.
 *
 * <p>A {@link RawJson} goes out byte for byte. A {@link JsonNode}, a {@link Map} or a
 * {@link Collection} is written as it stands: integers stay integers ({@code 5005}, never
 * {@code 5005.0}), big numbers keep every digit, and a null map value stays {@code null} (for
 * {@code env} entries that remove a variable), where the standard mapper would drop it. Anything
 * else (an LSP4J model object) is written by {@link DapJson#standard()}.
 *
 * <p>Thread-safe.
 */
public final class RawArguments {

    private static final ObjectWriter AS_GIVEN = asGivenMapper().writer();

    private RawArguments() {
    }

    /** The raw JSON for {@code arguments}; null stays null. */
    public static RawJson toRaw(Object arguments) {
        if (arguments == null || arguments instanceof RawJson) {
            return (RawJson) arguments;
        }
        if (arguments instanceof JsonNode || arguments instanceof Map || arguments instanceof Collection) {
            try {
                byte[] bytes = AS_GIVEN.writeValueAsBytes(arguments);
                return RawJson.parse(new String(bytes, StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write the arguments (" + arguments.getClass().getName()
                        + ") as JSON: " + e.getOriginalMessage(), e);
            }
        }
        return RawJson.from(arguments);
    }

    /** The arguments as a JSON object the caller may change; a new empty object for null. */
    static ObjectNode toObject(RawJson arguments, String command) {
        if (arguments == null || arguments.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode tree = arguments.tree();
        if (!tree.isObject()) {
            throw new IllegalArgumentException("the arguments of '" + command + "' must be a JSON object, not " + tree);
        }
        return (ObjectNode) tree;
    }

    private static ObjectMapper asGivenMapper() {
        ObjectMapper mapper = DapJson.newObjectMapper();
        // Bean properties stay as the standard mapper writes them; map entries are kept even when null.
        mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                JsonInclude.Include.ALWAYS));
        return mapper;
    }
}
