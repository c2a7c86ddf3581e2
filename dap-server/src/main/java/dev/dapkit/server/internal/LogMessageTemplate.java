package dev.dapkit.server.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A logpoint message: literal text with {@code {expression}} parts that are evaluated on each hit.
 * <code>{{</code> and <code>}}</code> stand for literal braces; braces inside an expression nest
 * (<code>{f({1})}</code> is one expression); an opening brace that is never closed is literal text.
 *
 * <p>Immutable and thread-safe.
 */
final class LogMessageTemplate {

    /** One piece of the message. */
    record Part(String text, boolean expression) {
    }

    private final List<Part> parts;

    private LogMessageTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    static LogMessageTemplate parse(String message) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < message.length()) {
            char c = message.charAt(i);
            if (c == '{' && i + 1 < message.length() && message.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < message.length() && message.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '{') {
                int end = closingBrace(message, i);
                if (end < 0) {
                    literal.append(message, i, message.length());
                    break;
                }
                if (literal.length() > 0) {
                    parts.add(new Part(literal.toString(), false));
                    literal.setLength(0);
                }
                parts.add(new Part(message.substring(i + 1, end).strip(), true));
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), false));
        }
        return new LogMessageTemplate(parts);
    }

    List<Part> parts() {
        return parts;
    }

    /** Whether the message has any expression to evaluate. */
    boolean hasExpressions() {
        return parts.stream().anyMatch(Part::expression);
    }

    /** The message with each expression replaced by what {@code evaluate} gives for it. */
    String render(java.util.function.Function<String, String> evaluate) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(part.expression() ? evaluate.apply(part.text()) : part.text());
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogMessageTemplate other && parts.equals(other.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    private static int closingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
