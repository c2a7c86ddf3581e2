package dev.dapkit.model.internal.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Well-formed JSON that does not fit the Java type it is bound to, with the path to the value that
 * did not fit ({@code $.stackFrames[1].line}). The path grows as the exception passes up through
 * the objects and arrays that hold the value.
 */
public final class JsonBindException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Path steps, outermost first: {@code ".name"} or {@code "[3]"}. */
    private final transient Deque<String> path = new ArrayDeque<>();

    JsonBindException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** A Jackson failure on a delegated value, keeping Jackson's path inside that value. */
    static JsonBindException fromJackson(JsonMappingException e) {
        JsonBindException bind = new JsonBindException(e.getOriginalMessage(), e);
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                bind.path.addLast("." + step.getFieldName());
            } else if (step.getIndex() >= 0) {
                bind.path.addLast("[" + step.getIndex() + "]");
            }
        }
        return bind;
    }

    JsonBindException inField(String name) {
        path.addFirst("." + name);
        return this;
    }

    JsonBindException atIndex(int index) {
        path.addFirst("[" + index + "]");
        return this;
    }

    /** {@code "$.stackFrames[1].line"}, or the empty string when the whole value did not fit. */
    public String path() {
        return path.isEmpty() ? "" : "$" + String.join("", path);
    }

    /** What did not fit, in Jackson's words where Jackson found it. */
    public String reason() {
        return getMessage();
    }
}
