package dev.dapkit.server.internal;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.dapkit.model.DapJson;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.server.EngineError;
import java.util.Locale;

/**
 * Binds a request's {@code arguments} to the type its handler takes, refusing with a clear
 * {@link EngineError#INVALID_ARGUMENTS} error that names the field when they do not fit.
 *
 * <p>Stateless and thread-safe.
 */
final class ArgumentsBinder {

    private static final RawJson EMPTY_OBJECT = RawJson.parse("{}");

    private ArgumentsBinder() {
    }

    /**
     * The arguments of {@code request} as {@code type}: {@code RawJson} as they came ({@code {}}
     * when absent), nothing for {@code Void}, else a model object bound and checked for DAP's
     * required properties in one read ({@link DapJson#bindChecked}).
     */
    static <A> A bind(Request request, Class<A> type) {
        if (type == Void.class) {
            return null;
        }
        RawJson raw = request.arguments() == null || request.arguments().isNull() ? EMPTY_OBJECT : request.arguments();
        if (type == RawJson.class) {
            return type.cast(raw);
        }
        if (!raw.isObject()) {
            throw invalid(request, notAnObject(raw));
        }
        try {
            return DapJson.standard().bindChecked(raw, type);
        } catch (IllegalArgumentException e) {
            throw invalid(request, withField(e));
        }
    }

    /**
     * The arguments of {@code request} as any reflected type, e.g. the {@code Map<String, Object>}
     * that LSP4J's {@code launch} takes; classes are bound and checked as {@link #bind(Request, Class)} does.
     */
    static Object bind(Request request, java.lang.reflect.Type type) {
        if (type instanceof Class<?> c) {
            return bind(request, c);
        }
        RawJson raw = request.arguments() == null || request.arguments().isNull() ? EMPTY_OBJECT : request.arguments();
        try {
            return raw.bind(type);
        } catch (IllegalArgumentException e) {
            throw invalid(request, e.getMessage());
        }
    }

    /** What the arguments are instead of an object; their tree is made only for this message. */
    private static String notAnObject(RawJson raw) {
        try {
            return "'arguments' must be an object, got "
                    + raw.tree().getNodeType().toString().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The binder's message, with the field it failed on when the message does not name it already. */
    private static String withField(IllegalArgumentException e) {
        String message = e.getMessage();
        if (!(e.getCause() instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return message;
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : mapping.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String field = path.toString();
        return field.isEmpty() || message.contains("'" + field + "'") ? message : "field '" + field + "': " + message;
    }

    private static RequestFailure invalid(Request request, String detail) {
        return RequestFailure.of(EngineError.INVALID_ARGUMENTS,
                "invalid arguments for '" + request.command() + "' (seq " + request.seq() + "): " + detail);
    }
}
