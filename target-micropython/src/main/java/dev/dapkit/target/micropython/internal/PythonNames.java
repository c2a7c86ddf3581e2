package dev.dapkit.target.micropython.internal;

import java.util.regex.Pattern;

/** What counts as a name in Python source, for evaluate names and hover. Stateless. */
final class PythonNames {

    private static final String IDENTIFIER = "[\\p{L}_][\\p{L}\\p{N}_]*";
    private static final Pattern NAME = Pattern.compile(IDENTIFIER);
    private static final Pattern ATTRIBUTE_CHAIN = Pattern.compile("\\s*" + IDENTIFIER + "(\\s*\\.\\s*" + IDENTIFIER
            + ")*\\s*");

    private PythonNames() {
    }

    static boolean isIdentifier(String text) {
        return NAME.matcher(text).matches();
    }

    /**
     * Whether an expression is a plain name or a chain of attributes ({@code a}, {@code a.b.c}):
     * what hover evaluates, as nothing else can be read without running code that may change the
     * program (a call, an index that calls {@code __getitem__}, an operator that calls {@code __add__}).
     */
    static boolean isAttributeChain(String expression) {
        return ATTRIBUTE_CHAIN.matcher(expression).matches();
    }
}
