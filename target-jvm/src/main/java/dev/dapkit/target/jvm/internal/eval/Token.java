package dev.dapkit.target.jvm.internal.eval;

/**
 * One lexical token of an expression.
 *
 * @param kind what sort of token this is
 * @param text the source text of the token (for literals, as written)
 * @param value a literal's value: {@link java.math.BigInteger} for integer literals (range is
 *     checked by the parser, which knows whether a minus sign precedes), {@link Float},
 *     {@link Double}, {@link Character}, {@link String}; {@code null} otherwise
 * @param radix the radix of an integer literal (2, 8, 10 or 16), 0 for other tokens
 * @param column the 1-based column of the token's first character
 */
record Token(Kind kind, String text, Object value, int radix, int column) {

    enum Kind {
        IDENTIFIER, KEYWORD, INT_LITERAL, LONG_LITERAL, FLOAT_LITERAL, DOUBLE_LITERAL,
        CHAR_LITERAL, STRING_LITERAL, OPERATOR, END
    }

    boolean is(String operatorOrKeyword) {
        return (kind == Kind.OPERATOR || kind == Kind.KEYWORD) && text.equals(operatorOrKeyword);
    }

    /** How the token is named in an error message: {@code ')'}, {@code identifier 'x'}, end of expression. */
    String describe() {
        switch (kind) {
            case END:
                return "end of expression";
            case IDENTIFIER:
                return "identifier '" + text + "'";
            case KEYWORD:
            case OPERATOR:
                return "'" + text + "'";
            default:
                return "literal " + text;
        }
    }
}
