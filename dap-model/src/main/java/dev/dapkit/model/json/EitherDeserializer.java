package dev.dapkit.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.Set;
import org.eclipse.lsp4j.debug.AttachRequestArguments;
import org.eclipse.lsp4j.debug.LaunchRequestArguments;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;

/**
 * Reads an {@link Either} (or {@link Either3}) by the kind of JSON value that arrives: a value only
 * the left type can be written as becomes a left, one only the right type can be written as
 * becomes a right. When both branches are objects only a marker property can decide; LSP4J has one
 * such rule, for {@code Either<LaunchRequestArguments, AttachRequestArguments>} (restart arguments):
 * an object with a {@code noDebug} key is launch arguments, any other object attach arguments.
 */
final class EitherDeserializer extends StdDeserializer<Either<?, ?>> implements ContextualDeserializer {

    private static final long serialVersionUID = 1L;

    /** LSP4J's {@code RestartArgumentsArgumentsTypeAdapter}: the key whose presence means launch. */
    private static final String LAUNCH_MARKER = "noDebug";

    private final JavaType eitherType;
    private final JavaType leftType;
    private final JavaType rightType;
    private final Set<JsonValueKind> leftKinds;
    private final Set<JsonValueKind> rightKinds;
    private final String leftMarker;
    private final boolean either3;
    private final JsonDeserializer<Object> left;
    private final JsonDeserializer<Object> right;

    private EitherDeserializer(JavaType eitherType, JavaType leftType, JavaType rightType, String leftMarker,
            JsonDeserializer<Object> left, JsonDeserializer<Object> right) {
        super(eitherType);
        this.eitherType = eitherType;
        this.leftType = leftType;
        this.rightType = rightType;
        this.leftKinds = JsonValueKind.acceptedBy(leftType);
        this.rightKinds = JsonValueKind.acceptedBy(rightType);
        this.leftMarker = leftMarker;
        this.either3 = Either3.class.isAssignableFrom(eitherType.getRawClass());
        this.left = left;
        this.right = right;
    }

    /** A deserializer for {@code eitherType}, an {@code Either} or a subtype; branches resolve in context. */
    static EitherDeserializer forType(JavaType eitherType) {
        JavaType[] branches = eitherType.findTypeParameters(Either.class);
        JavaType leftType = branches[0];
        JavaType rightType = branches[1];
        String marker = leftType.getRawClass() == LaunchRequestArguments.class
                && rightType.getRawClass() == AttachRequestArguments.class ? LAUNCH_MARKER : null;
        return new EitherDeserializer(eitherType, leftType, rightType, marker, null, null);
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        return new EitherDeserializer(eitherType, leftType, rightType, leftMarker,
                ctxt.findContextualValueDeserializer(leftType, property),
                ctxt.findContextualValueDeserializer(rightType, property));
    }

    @Override
    public Either<?, ?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonValueKind kind = JsonValueKind.of(p.currentToken());
        boolean asLeft = leftKinds.contains(kind);
        boolean asRight = rightKinds.contains(kind);
        if (asLeft && asRight) {
            if (leftMarker != null && kind == JsonValueKind.OBJECT) {
                return byMarker(p, ctxt);
            }
            return ctxt.reportInputMismatch(this, "cannot read %s from %s: both %s and %s are written as %s"
                    + " and nothing tells them apart", shortName(eitherType), kind.description(),
                    shortName(leftType), shortName(rightType), kind.plural());
        }
        if (asLeft) {
            return leftOf(left.deserialize(p, ctxt));
        }
        if (asRight) {
            return rightOf(right.deserialize(p, ctxt));
        }
        return ctxt.reportInputMismatch(this, "cannot read %s from %s: expected %s (%s) or %s (%s)",
                shortName(eitherType), kind == null ? p.currentToken() : kind.description(),
                JsonValueKind.describe(leftKinds), shortName(leftType),
                JsonValueKind.describe(rightKinds), shortName(rightType));
    }

    /** {@code Either<Integer, String>} rather than the fully qualified canonical form. */
    static String shortName(JavaType type) {
        StringBuilder name = new StringBuilder(type.getRawClass().getSimpleName());
        int count = type.containedTypeCount();
        if (count > 0) {
            name.append('<');
            for (int i = 0; i < count; i++) {
                name.append(i == 0 ? "" : ", ").append(shortName(type.containedType(i)));
            }
            name.append('>');
        }
        return name.toString();
    }

    private Either<?, ?> byMarker(JsonParser p, DeserializationContext ctxt) throws IOException {
        TokenBuffer buffer = ctxt.bufferAsCopyOfValue(p);
        boolean marked = hasTopLevelField(buffer, p);
        try (JsonParser replay = buffer.asParserOnFirstToken()) {
            return marked ? leftOf(left.deserialize(replay, ctxt)) : rightOf(right.deserialize(replay, ctxt));
        }
    }

    private boolean hasTopLevelField(TokenBuffer buffer, JsonParser original) throws IOException {
        try (JsonParser scan = buffer.asParser(original.getCodec())) {
            scan.nextToken();
            JsonToken t;
            while ((t = scan.nextToken()) == JsonToken.FIELD_NAME) {
                if (leftMarker.equals(scan.currentName())) {
                    return true;
                }
                scan.nextToken();
                scan.skipChildren();
            }
            return false;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Either<?, ?> leftOf(Object value) {
        return either3 ? Either3.forLeft3(value) : Either.forLeft(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Either<?, ?> rightOf(Object value) {
        return either3 ? Either3.forRight3((Either) value) : Either.forRight(value);
    }
}
