package dev.dapkit.model.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;

/**
 * Hands one value to Jackson: when reading, the value's bytes (checked and skipped by the
 * reader first); when writing, whatever Jackson writes for it. Used for the types this package
 * does not model ({@code Object}, maps, {@code Either<LaunchRequestArguments, AttachRequestArguments>})
 * and for unusual shapes of the types it does ({@code "3"} for an {@code int}).
 */
final class JacksonCodec extends ValueCodec {

    private final ObjectReader reader;
    private final ObjectWriter writer;

    JacksonCodec(ObjectMapper mapper, JavaType type) {
        this.reader = mapper.readerFor(type);
        this.writer = mapper.writerFor(type);
    }

    @Override
    Object read(Utf8JsonReader in) {
        int from = in.pos;
        in.skipValue();
        return readSlice(in.buf, from, in.pos - from);
    }

    Object readSlice(byte[] utf8, int offset, int length) {
        try {
            return reader.readValue(utf8, offset, length);
        } catch (JsonMappingException e) {
            throw JsonBindException.fromJackson(e);
        } catch (IOException e) {
            // the bytes were checked before: Jackson reading them must not fail as JSON
            throw new JsonBindException(e.getMessage(), e);
        }
    }

    @Override
    void write(Object value, Utf8JsonWriter out) {
        try {
            out.writeBytes(writer.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new JsonWriteException(e.getOriginalMessage(), e);
        }
    }
}
