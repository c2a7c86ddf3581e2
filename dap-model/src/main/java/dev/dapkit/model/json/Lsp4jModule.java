package dev.dapkit.model.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * Jackson support for LSP4J Debug's model classes ({@code org.eclipse.lsp4j.debug.*}): with it, and
 * a mapper set up by {@link #configure(ObjectMapper)}, Jackson writes the same JSON as LSP4J's own
 * Gson handler and reads that JSON back to equal objects. Gson is not needed at run time; what its
 * annotations on LSP4J's classes say is built in here.
 *
 * <p>The module handles:
 * <ul>
 *   <li>{@code Either<L, R>} (and {@code Either3}): written as the value it holds; read as the branch
 *       whose type the JSON value's kind fits (number, string, boolean, array, object). For
 *       {@code Either<LaunchRequestArguments, AttachRequestArguments>} an object with a
 *       {@code noDebug} key is launch arguments, any other object attach arguments, as in LSP4J.
 *   <li>LSP4J Debug's enums: {@code STEP_OVER}-style constants as {@code "stepOver"}-style strings, with
 *       LSP4J's exceptions ({@code ChecksumAlgorithm.MD5} is {@code "MD5"}, {@code
 *       ColumnDescriptorType.UNIX_TIMESTAMP_UTC} is {@code "unixTimestampUTC"}). A string that names
 *       no constant reads as null, as in LSP4J; a value of another kind is an error naming the enum
 *       and its values. Enums outside LSP4J keep Jackson's usual handling.
 *   <li>Field names: a field of an LSP4J class named after a Java keyword with an underscore
 *       appended ({@code default_}) is written without the underscore ({@code "default"}).
 *   <li>{@code int}, {@code Integer} and {@code int[]}: integral numbers only; {@code 3.5} is an
 *       error, not {@code 3}.
 * </ul>
 *
 * <p>The rest of the mapping is mapper configuration, applied by {@link #configure(ObjectMapper)}.
 *
 * <p>Immutable and thread-safe; one instance may be registered with any number of mappers.
 */
public final class Lsp4jModule extends Module {

    public Lsp4jModule() {
    }

    @Override
    public String getModuleName() {
        return "dapkit-lsp4j";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addSerializers(new Lsp4jSerializers());
        context.addDeserializers(new Lsp4jDeserializers());
        context.insertAnnotationIntrospector(new Lsp4jFieldNames());
    }

    /**
     * Registers this module with {@code mapper} and sets the mapper up to read and write LSP4J model
     * objects as LSP4J's Gson handler does:
     * <ul>
     *   <li>fields are the properties (getters and setters are ignored), like Gson;
     *   <li>null fields and null map values are left out, like Gson;
     *   <li>unknown properties are ignored and objects without fields are written as {@code {}};
     *   <li>numbers stay exact where no Java type says otherwise: bound to {@code Object}, a map or a
     *       {@code JsonNode}, {@code 5005} stays an {@code Integer}, a 17-digit integer a {@code Long}, and
     *       {@code 0.1} becomes a {@code BigDecimal} with the very digits it had (Gson would make them
     *       all {@code Double}). Fields declared {@code Double} stay {@code Double}.
     * </ul>
     *
     * <p>Call it before the mapper is used; the mapper is changed and returned.
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new Lsp4jModule())
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(
                        JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }
}
