package dev.dapkit.server.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A breakpoint's hit condition, as VS Code users write it: {@code >= n}, {@code > n},
 * {@code == n}, {@code <= n}, {@code < n}, {@code % n} (every n-th hit), or a plain {@code n},
 * which means {@code >= n}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param operator how the hit count is compared
 * @param count the number it is compared with
 */
record HitCondition(Operator operator, int count) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*(>=|<=|==|=|>|<|%)?\\s*(\\d{1,9})\\s*");

    /** The comparisons a hit condition can make. */
    enum Operator {
        AT_LEAST, MORE_THAN, EXACTLY, AT_MOST, LESS_THAN, EVERY
    }

    /**
     * Parses a hit condition.
     *
     * @throws IllegalArgumentException with a message for the user when {@code text} is not one
     */
    static HitCondition parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("hit condition '" + text + "' is not valid: write a number,"
                    + " optionally after >=, >, ==, <=, < or % (e.g. '>= 3', '% 2', '5')");
        }
        int count = Integer.parseInt(m.group(2));
        String op = m.group(1) == null ? ">=" : m.group(1);
        Operator operator = switch (op) {
            case ">" -> Operator.MORE_THAN;
            case "==", "=" -> Operator.EXACTLY;
            case "<=" -> Operator.AT_MOST;
            case "<" -> Operator.LESS_THAN;
            case "%" -> Operator.EVERY;
            default -> Operator.AT_LEAST;
        };
        if (operator == Operator.EVERY && count == 0) {
            throw new IllegalArgumentException("hit condition '" + text + "' is not valid: '% 0' divides by zero");
        }
        return new HitCondition(operator, count);
    }

    /** Whether the breakpoint should fire on its {@code hits}-th hit (counting from 1). */
    boolean test(int hits) {
        return switch (operator) {
            case AT_LEAST -> hits >= count;
            case MORE_THAN -> hits > count;
            case EXACTLY -> hits == count;
            case AT_MOST -> hits <= count;
            case LESS_THAN -> hits < count;
            case EVERY -> hits % count == 0;
        };
    }
}
