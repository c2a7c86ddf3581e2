package dev.dapkit.target.jvm.internal.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A DAP logpoint message: text with Java expressions in braces, {@code "x={x}, p={p.y}"}.
 * Parsed once when the breakpoint is set (so syntax errors are reported then), rendered on
 * each hit. Braces inside an expression (an array initializer) and inside its string or
 * character literals do not end it; {@code {}} with nothing inside stays literal text.
 *
 * <p>Immutable; safe to share between threads. {@link #render} follows the
 * {@link Evaluator}'s threading rules.
 */
public final class LogMessageTemplate {

    private final List<Object> parts;

    private LogMessageTemplate(List<Object> parts) {
        this.parts = parts;
    }

    /** Splits {@code message} into text and parsed expressions. */
    public static LogMessageTemplate parse(String message) throws EvaluationException {
        List<Object> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < message.length()) {
            char c = message.charAt(i);
            if (c != '{' || message.startsWith("{}", i)) {
                int step = c == '{' ? 2 : 1;
                text.append(message, i, i + step);
                i += step;
                continue;
            }
            int end = closingBrace(message, i);
            String source = message.substring(i + 1, end);
            try {
                parts.add(text.toString());
                text.setLength(0);
                parts.add(ParsedExpression.parse(source));
            } catch (EvaluationException e) {
                throw new EvaluationException("in the log message expression {" + source + "} (column " + (i + 2)
                        + " of the message): " + e.getMessage(), e);
            }
            i = end + 1;
        }
        parts.add(text.toString());
        parts.removeIf(part -> part instanceof String && ((String) part).isEmpty());
        return new LogMessageTemplate(List.copyOf(parts));
    }

    private static int closingBrace(String message, int open) throws EvaluationException {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < message.length(); i++) {
            char c = message.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new EvaluationException("the log message has an unclosed '{' at column " + (open + 1));
    }

    /** The expressions of the template, in order. */
    public List<ParsedExpression> expressions() {
        List<ParsedExpression> expressions = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof ParsedExpression) {
                expressions.add((ParsedExpression) part);
            }
        }
        return List.copyOf(expressions);
    }

    /**
     * The message with each expression replaced by its string conversion. An expression that
     * fails shows as {@code <error: message>} so the rest of the line is still logged.
     */
    public String render(Evaluator evaluator, EvaluationScope scope) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String) {
                out.append((String) part);
            } else {
                try {
                    out.append(evaluator.evaluateToString((ParsedExpression) part, scope));
                } catch (EvaluationException e) {
                    out.append("<error: ").append(e.getMessage()).append('>');
                }
            }
        }
        return out.toString();
    }
}
