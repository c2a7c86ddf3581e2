package dev.dapkit.target.micropython.internal;

import java.util.regex.Pattern;

/** What counts as a name in Python source, for evaluate names and hover. Stateless. */
final class PythonNames {

    private static final String IDENTIFIER = "[\\p{L}_][\\p{L}\\p{N}_]*";
    private static final Pattern NAME = Pattern.compile(IDENTIFIER);

    private PythonNames() {
    }

    static boolean isIdentifier(String text) {
        return NAME.matcher(text).matches();
    }

    /** Keywords that make an expression do more than read: define, iterate, import, wait. */
    private static final java.util.Set<String> ACTIVE_WORDS = java.util.Set.of("lambda", "yield", "await", "for",
            "import", "del", "global", "nonlocal");

    /**
     * Whether hover may evaluate an expression: it reads names, attributes, literals, indexes and
     * operators, and calls nothing. Refused are calls ({@code f(x)}, {@code a.b()}), assignments
     * ({@code :=}, {@code =}), lambdas, comprehensions, {@code yield}/{@code await} and statements.
     * Operators and indexes on the program's own classes may still run their special methods;
     * built-in values, the usual case on a board, have none that change anything.
     */
    static boolean isReadOnlyExpression(String expression) {
        String code = withoutStrings(expression);
        if (code == null || code.contains(":=") || code.contains(";")) {
            return false;
        }
        java.util.regex.Matcher words = NAME.matcher(code);
        while (words.find()) {
            if (ACTIVE_WORDS.contains(words.group())) {
                return false;
            }
        }
        char previous = ' ';
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' && (Character.isLetterOrDigit(previous) || previous == '_' || previous == ')'
                    || previous == ']' || previous == '"')) {
                return false; // a call
            }
            if (c == '=' && "=<>!".indexOf(previous) < 0 && (i + 1 >= code.length() || code.charAt(i + 1) != '=')) {
                return false; // an assignment
            }
            if (!Character.isWhitespace(c)) {
                previous = c;
            }
        }
        return true;
    }

    /** The expression with every string literal replaced by {@code ""}, or null when a string is not closed. */
    private static String withoutStrings(String expression) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c != '\'' && c != '"') {
                out.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < expression.length() && expression.charAt(end) != c) {
                end += expression.charAt(end) == '\\' ? 2 : 1;
            }
            if (end >= expression.length()) {
                return null;
            }
            out.append("\"\"");
            i = end + 1;
        }
        return out.toString();
    }
}
