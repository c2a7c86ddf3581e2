package dev.dapkit.model.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An LSP4J Debug enum. The wire names are the ones the mapper's {@code Lsp4jModule} writes (so
 * {@code Lsp4jEnumNames} stays the one place that knows them); a string that names no constant
 * reads as null, as in LSP4J, and any other shape goes to Jackson. Immutable, thread-safe.
 */
final class EnumCodec extends ValueCodec {

    private static final Logger LOG = LoggerFactory.getLogger(EnumCodec.class);

    private final Class<?> type;
    /** The quoted wire name of each constant, by ordinal. */
    private final byte[][] written;
    private final Map<String, Object> byName;
    private final JacksonCodec fallback;

    EnumCodec(ObjectMapper mapper, Class<?> type) throws JsonProcessingException {
        this.type = type;
        Object[] constants = type.getEnumConstants();
        this.written = new byte[constants.length][];
        this.byName = new HashMap<>(constants.length * 2);
        for (Object constant : constants) {
            byte[] json = mapper.writeValueAsBytes(constant);
            written[((Enum<?>) constant).ordinal()] = json;
            byName.put(new Utf8JsonReader(json, 0, json.length).readString(), constant);
        }
        this.fallback = ScalarCodecs.jackson(mapper, type);
    }

    @Override
    Object read(Utf8JsonReader in) {
        if (first(in) != '"') {
            return fallback.read(in);
        }
        int at = in.pos;
        String name = in.readString();
        Object constant = byName.get(name);
        if (constant == null && LOG.isDebugEnabled()) {
            LOG.debug("{} has no value \"{}\" (known: {}) at byte {}; read as null", type.getSimpleName(), name,
                    byName.keySet(), at);
        }
        return constant;
    }

    @Override
    void write(Object value, Utf8JsonWriter out) {
        out.writeBytes(written[((Enum<?>) value).ordinal()]);
    }
}
