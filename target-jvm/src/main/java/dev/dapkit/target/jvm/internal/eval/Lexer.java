package dev.dapkit.target.jvm.internal.eval;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a Java expression into tokens and decodes literals (JLS chapter 3). Unicode escapes
 * are decoded inside character and string literals only; elsewhere they are not expected in
 * an expression typed into a debugger.
 *
 * <p>Not thread-safe; one instance per source text.
 */
final class Lexer {

    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
            "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public",
            "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
            "null");

    /** Longest first, so that the first match is the longest one. */
    private static final String[] OPERATORS = {
        ">>>=", "<<=", ">>=", ">>>", "...", "->", "::", "++", "--", "&&", "||", "==", "!=", "<=",
        ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "(", ")", "[", "]",
        "{", "}", ".", ",", ";", "?", ":", "=", "<", ">", "!", "~", "+", "-", "*", "/", "%",
        "&", "|", "^", "@"
    };

    private final String source;
    private int pos;

    private Lexer(String source) {
        this.source = source;
    }

    /** All tokens of {@code source}, ending with one {@link Token.Kind#END} token. */
    static List<Token> tokenize(String source) throws EvaluationException {
        Lexer lexer = new Lexer(source);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Token.Kind.END);
        return tokens;
    }

    private Token next() throws EvaluationException {
        skipWhitespaceAndComments();
        int start = pos;
        if (pos >= source.length()) {
            return new Token(Token.Kind.END, "", null, 0, start + 1);
        }
        char c = source.charAt(pos);
        if (Character.isJavaIdentifierStart(c)) {
            while (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))) {
                pos++;
            }
            String word = source.substring(start, pos);
            Token.Kind kind = KEYWORDS.contains(word) ? Token.Kind.KEYWORD : Token.Kind.IDENTIFIER;
            return new Token(kind, word, null, 0, start + 1);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < source.length() && isDigit(source.charAt(pos + 1)))) {
            Token number = number(start);
            if (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))) {
                throw EvaluationException.at(pos + 1, "unexpected character '" + source.charAt(pos) + "' after number " + number.text());
            }
            return number;
        }
        if (c == '\'') {
            return character(start);
        }
        if (c == '"') {
            return source.startsWith("\"\"\"", pos) ? textBlock(start) : string(start);
        }
        for (String op : OPERATORS) {
            if (source.startsWith(op, pos)) {
                pos += op.length();
                return new Token(Token.Kind.OPERATOR, op, null, 0, start + 1);
            }
        }
        throw EvaluationException.at(start + 1, "unexpected character '" + c + "'");
    }

    private void skipWhitespaceAndComments() throws EvaluationException {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (source.startsWith("//", pos)) {
                int end = source.indexOf('\n', pos);
                pos = end < 0 ? source.length() : end + 1;
            } else if (source.startsWith("/*", pos)) {
                int end = source.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw EvaluationException.at(pos + 1, "unterminated comment");
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Token number(int start) throws EvaluationException {
        char c = source.charAt(pos);
        if (c == '0' && pos + 1 < source.length()) {
            char x = Character.toLowerCase(source.charAt(pos + 1));
            if (x == 'x') {
                pos += 2;
                return radixNumber(start, 16);
            }
            if (x == 'b') {
                pos += 2;
                return radixNumber(start, 2);
            }
        }
        int digitsStart = pos;
        scanDigits(10);
        boolean floating = false;
        if (pos < source.length() && source.charAt(pos) == '.') {
            floating = true;
            pos++;
            if (pos < source.length() && isDigit(source.charAt(pos))) {
                scanDigits(10);
            }
        }
        if (pos < source.length() && Character.toLowerCase(source.charAt(pos)) == 'e') {
            floating = true;
            pos++;
            if (pos < source.length() && (source.charAt(pos) == '+' || source.charAt(pos) == '-')) {
                pos++;
            }
            if (pos >= source.length() || !isDigit(source.charAt(pos))) {
                throw EvaluationException.at(start + 1, "malformed floating-point literal: the exponent has no digits");
            }
            scanDigits(10);
        }
        String digits = source.substring(digitsStart, pos).replace("_", "");
        char suffix = pos < source.length() ? Character.toLowerCase(source.charAt(pos)) : ' ';
        if (suffix == 'f' || suffix == 'd' || floating) {
            if (suffix == 'f' || suffix == 'd') {
                pos++;
            }
            return floating(start, digits, suffix == 'f');
        }
        int radix = digits.length() > 1 && digits.charAt(0) == '0' ? 8 : 10;
        if (radix == 8) {
            for (int i = 0; i < digits.length(); i++) {
                if (digits.charAt(i) > '7') {
                    throw EvaluationException.at(start + 1, "digit " + digits.charAt(i) + " is not octal in " + text(start));
                }
            }
        }
        return integer(start, new BigInteger(digits, radix), radix);
    }

    private Token radixNumber(int start, int radix) throws EvaluationException {
        int digitsStart = pos;
        scanDigits(radix);
        if (radix == 16 && pos < source.length()
                && (source.charAt(pos) == '.' || Character.toLowerCase(source.charAt(pos)) == 'p')) {
            return hexFloating(start);
        }
        String digits = source.substring(digitsStart, pos).replace("_", "");
        if (digits.isEmpty()) {
            throw EvaluationException.at(start + 1, "malformed number " + text(start) + ": no digits after the prefix");
        }
        return integer(start, new BigInteger(digits, radix), radix);
    }

    private Token hexFloating(int start) throws EvaluationException {
        if (source.charAt(pos) == '.') {
            pos++;
            scanDigits(16);
        }
        if (pos >= source.length() || Character.toLowerCase(source.charAt(pos)) != 'p') {
            throw EvaluationException.at(start + 1, "malformed hexadecimal floating-point literal: 'p' exponent required");
        }
        pos++;
        if (pos < source.length() && (source.charAt(pos) == '+' || source.charAt(pos) == '-')) {
            pos++;
        }
        scanDigits(10);
        String text = source.substring(start, pos).replace("_", "");
        char suffix = pos < source.length() ? Character.toLowerCase(source.charAt(pos)) : ' ';
        if (suffix == 'f' || suffix == 'd') {
            pos++;
        }
        return floating(start, text, suffix == 'f');
    }

    private Token floating(int start, String text, boolean isFloat) throws EvaluationException {
        try {
            if (isFloat) {
                float f = Float.parseFloat(text);
                checkFloatingRange(start, f == 0 && !isZero(text), Float.isInfinite(f));
                return new Token(Token.Kind.FLOAT_LITERAL, text(start), f, 0, start + 1);
            }
            double d = Double.parseDouble(text);
            checkFloatingRange(start, d == 0 && !isZero(text), Double.isInfinite(d));
            return new Token(Token.Kind.DOUBLE_LITERAL, text(start), d, 0, start + 1);
        } catch (NumberFormatException e) {
            throw EvaluationException.at(start + 1, "malformed floating-point literal " + text(start));
        }
    }

    private void checkFloatingRange(int start, boolean tooSmall, boolean tooLarge) throws EvaluationException {
        if (tooSmall) {
            throw EvaluationException.at(start + 1, "floating-point literal " + text(start) + " is too small");
        }
        if (tooLarge) {
            throw EvaluationException.at(start + 1, "floating-point literal " + text(start) + " is too large");
        }
    }

    private static boolean isZero(String text) {
        String mantissa = text.toLowerCase().startsWith("0x") ? text.substring(2).split("p")[0] : text.split("[eE]")[0];
        return mantissa.chars().allMatch(ch -> ch == '0' || ch == '.');
    }

    private Token integer(int start, BigInteger magnitude, int radix) {
        boolean isLong = pos < source.length() && Character.toLowerCase(source.charAt(pos)) == 'l';
        if (isLong) {
            pos++;
        }
        Token.Kind kind = isLong ? Token.Kind.LONG_LITERAL : Token.Kind.INT_LITERAL;
        return new Token(kind, text(start), magnitude, radix, start + 1);
    }

    /** Scans digits of a radix with underscores allowed only between digits. */
    private void scanDigits(int radix) throws EvaluationException {
        int first = pos;
        while (pos < source.length()
                && (Character.digit(source.charAt(pos), radix) >= 0 || source.charAt(pos) == '_')) {
            pos++;
        }
        if (pos > first && (source.charAt(first) == '_' || source.charAt(pos - 1) == '_')) {
            int at = source.charAt(first) == '_' ? first : pos - 1;
            throw EvaluationException.at(at + 1, "illegal underscore: underscores must be between digits");
        }
    }

    private Token character(int start) throws EvaluationException {
        pos++;
        if (pos >= source.length() || source.charAt(pos) == '\'' || source.charAt(pos) == '\n') {
            throw EvaluationException.at(start + 1, "empty character literal");
        }
        char value = source.charAt(pos) == '\\' ? escape(start) : source.charAt(pos++);
        if (pos >= source.length() || source.charAt(pos) != '\'') {
            throw EvaluationException.at(start + 1, "unterminated character literal");
        }
        pos++;
        return new Token(Token.Kind.CHAR_LITERAL, text(start), value, 0, start + 1);
    }

    private Token string(int start) throws EvaluationException {
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= source.length() || source.charAt(pos) == '\n') {
                throw EvaluationException.at(start + 1, "unterminated string literal");
            }
            char c = source.charAt(pos);
            if (c == '"') {
                pos++;
                return new Token(Token.Kind.STRING_LITERAL, text(start), value.toString(), 0, start + 1);
            }
            if (c == '\\') {
                value.append(escape(start));
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    private Token textBlock(int start) throws EvaluationException {
        pos += 3;
        while (pos < source.length() && (source.charAt(pos) == ' ' || source.charAt(pos) == '\t')) {
            pos++;
        }
        if (pos >= source.length() || (source.charAt(pos) != '\n' && source.charAt(pos) != '\r')) {
            throw EvaluationException.at(start + 1, "a text block must start with a line break after the opening \"\"\"");
        }
        int contentStart = pos + (source.startsWith("\r\n", pos) ? 2 : 1);
        int end = contentStart;
        while (true) {
            end = source.indexOf("\"\"\"", end);
            if (end < 0) {
                throw EvaluationException.at(start + 1, "unterminated text block");
            }
            if (!escaped(end)) {
                break;
            }
            end++;
        }
        pos = end + 3;
        String content = source.substring(contentStart, end).replace("\r\n", "\n").replace('\r', '\n');
        try {
            String value = content.stripIndent().translateEscapes();
            return new Token(Token.Kind.STRING_LITERAL, text(start), value, 0, start + 1);
        } catch (IllegalArgumentException e) {
            throw EvaluationException.at(start + 1, "invalid escape sequence in text block: " + e.getMessage());
        }
    }

    private boolean escaped(int index) {
        int backslashes = 0;
        for (int i = index - 1; i >= 0 && source.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** Decodes one escape sequence starting at the backslash under {@code pos}. */
    private char escape(int literalStart) throws EvaluationException {
        int at = pos;
        pos++;
        if (pos >= source.length()) {
            throw EvaluationException.at(literalStart + 1, "unterminated literal");
        }
        char c = source.charAt(pos++);
        switch (c) {
            case 'b': return '\b';
            case 't': return '\t';
            case 'n': return '\n';
            case 'f': return '\f';
            case 'r': return '\r';
            case 's': return ' ';
            case '"': return '"';
            case '\'': return '\'';
            case '\\': return '\\';
            case 'u':
                while (pos < source.length() && source.charAt(pos) == 'u') {
                    pos++;
                }
                if (pos + 4 > source.length()) {
                    throw EvaluationException.at(at + 1, "malformed unicode escape: four hexadecimal digits required");
                }
                String hex = source.substring(pos, pos + 4);
                if (!hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                    throw EvaluationException.at(at + 1, "malformed unicode escape \\u" + hex);
                }
                pos += 4;
                return (char) Integer.parseInt(hex, 16);
            default:
                if (c >= '0' && c <= '7') {
                    int value = c - '0';
                    int maxDigits = c <= '3' ? 3 : 2;
                    for (int i = 1; i < maxDigits && pos < source.length()
                            && source.charAt(pos) >= '0' && source.charAt(pos) <= '7'; i++) {
                        value = value * 8 + (source.charAt(pos++) - '0');
                    }
                    return (char) value;
                }
                throw EvaluationException.at(at + 1, "invalid escape sequence \\" + c);
        }
    }

    private String text(int start) {
        return source.substring(start, pos);
    }
}
