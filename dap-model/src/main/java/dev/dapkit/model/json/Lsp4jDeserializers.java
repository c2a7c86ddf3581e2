package dev.dapkit.model.json;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.type.ArrayType;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Finds the deserializers for {@link Either}, LSP4J Debug's enums, {@code int}, {@code Integer} and
 * {@code int[]}.
 */
final class Lsp4jDeserializers extends Deserializers.Base {

    @Override
    public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
            BeanDescription beanDesc) {
        Class<?> raw = type.getRawClass();
        if (Either.class.isAssignableFrom(raw)) {
            return EitherDeserializer.forType(type);
        }
        if (raw == Integer.class) {
            return IntegerDeserializer.BOXED;
        }
        if (raw == int.class) {
            return IntegerDeserializer.PRIMITIVE;
        }
        return null;
    }

    @Override
    public JsonDeserializer<?> findArrayDeserializer(ArrayType type, DeserializationConfig config,
            BeanDescription beanDesc, TypeDeserializer elementTypeDeserializer,
            JsonDeserializer<?> elementDeserializer) {
        return type.getRawClass() == int[].class ? IntArrayDeserializer.INSTANCE : null;
    }

    @Override
    public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
            BeanDescription beanDesc) {
        return Lsp4jEnumNames.isDebugEnum(type) ? enumDeserializer(type) : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonDeserializer<?> enumDeserializer(Class<?> type) {
        return new Lsp4jEnumDeserializer(Lsp4jEnumNames.of((Class) type));
    }

    @Override
    public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
        return Either.class.isAssignableFrom(valueType) || valueType == Integer.class || valueType == int.class
                || valueType == int[].class
                || Lsp4jEnumNames.isDebugEnum(valueType);
    }
}
