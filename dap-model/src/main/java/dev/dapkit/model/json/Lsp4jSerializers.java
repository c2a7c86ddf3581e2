package dev.dapkit.model.json;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.ser.Serializers;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Finds the serializers for {@link Either} and LSP4J Debug's enums. */
final class Lsp4jSerializers extends Serializers.Base {

    @Override
    public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
        Class<?> raw = type.getRawClass();
        if (Either.class.isAssignableFrom(raw)) {
            return EitherSerializer.UNRESOLVED;
        }
        if (Lsp4jEnumNames.isDebugEnum(raw)) {
            return enumSerializer(raw);
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonSerializer<?> enumSerializer(Class<?> type) {
        return new Lsp4jEnumSerializer(Lsp4jEnumNames.of((Class) type));
    }
}
