package dev.dapkit.model.json;

import java.util.Random;

/**
 * Breaks and bends JSON texts at random, for differential tests: characters dropped, doubled or
 * inserted, values replaced by values of other types or shapes, unicode escapes and multibyte
 * characters put in, the whole wrapped in more nesting. Works on Java strings, so the UTF-8 of the
 * result is always valid (a dropped half of a surrogate pair is encoded as {@code '?'}).
 */
public final class JsonMutations {

    private static final String[] SNIPPETS = {",", ":", "\"", "\\", "{", "}", "[", "]", " ", "\n", "0", "-", ".",
        "e", "+", "null", "tru", "\u0001", "\u00e9", "\ud83d\ude00", "\t", "/", "//", "'", "NaN", "1", "\"\":",
        ",\"x\":1", "\u4e2d"};
    private static final String[] VALUES = {"3", "3.0", "\"3\"", "\"3.0\"", "2.5", "1e3", "1E400", "-0", "-0.0",
        "2147483647", "2147483648", "-2147483649", "12345678901234567890", "null", "true", "false", "\"\"",
        "\"bogus\"", "\"normal\"", "\"MD5\"", "\"deemphasize\"", "{}", "[]", "[1,2]", "[null]", "[\"a\",null]",
        "[1.5]", "{\"a\":[1,{\"b\":null}]}", "\"\\u00e9\\ud83d\\ude00\"", "\"\u4e2d\u6587\ud83d\ude00\"",
        "{\"id\":1}", "[{\"id\":1,\"name\":\"x\"}]", "\"x\\\"y\"", "0", "-1", "1.0e+2", "[[[[]]]]", "\"\\ud800\"",
        "[1,\"2\",3.0]", "{\"noDebug\":true}", "\" spaced \"", "1.5e-3"};
    private static final String[] ESCAPES = {"\\u00e9", "\\u4e2d", "\\ud83d\\ude00", "\\ud800", "\\uDC00",
        "\\u0000", "\\n", "\\/", "\\\"", "\\\\", "\\u0022", "\\t", "\\b", "\\u12", "\\x", "\\uD83D"};

    private JsonMutations() {
    }

    /** {@code json} changed one to three times. */
    public static String mutate(String json, Random random) {
        String text = json;
        int times = 1 + random.nextInt(3);
        for (int i = 0; i < times; i++) {
            text = mutateOnce(text, random);
        }
        return text;
    }

    private static String mutateOnce(String text, Random random) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        switch (random.nextInt(9)) {
            case 0:
                return text.isEmpty() ? text : text.substring(0, at) + text.substring(at + 1);
            case 1:
                return text.isEmpty() ? text : text.substring(0, at + 1) + text.substring(at);
            case 2:
                return text.substring(0, at) + pick(SNIPPETS, random) + text.substring(at);
            case 3:
            case 4:
                return replaceValue(text, random);
            case 5:
                return insertEscape(text, random);
            case 6:
                return wrap(text, random);
            case 7:
                return text.isEmpty() ? text : text.substring(0, at) + pick(SNIPPETS, random) + text.substring(at + 1);
            default:
                return replaceValue(replaceValue(text, random), random);
        }
    }

    /** Replaces the value after a random colon (or array comma) up to the next delimiter. */
    private static String replaceValue(String text, Random random) {
        int from = random.nextInt(Math.max(1, text.length()));
        int colon = indexOfAny(text, from, ":[,");
        if (colon < 0) {
            colon = indexOfAny(text, 0, ":[,");
        }
        if (colon < 0) {
            return text;
        }
        int start = colon + 1;
        int end = start;
        if (end < text.length() && (text.charAt(end) == '{' || text.charAt(end) == '[' || text.charAt(end) == '"')) {
            end = endOfValue(text, end);
        } else {
            while (end < text.length() && ",}]".indexOf(text.charAt(end)) < 0) {
                end++;
            }
        }
        return text.substring(0, start) + pick(VALUES, random) + text.substring(Math.min(end, text.length()));
    }

    /** The end of the string, object or array starting at {@code start}, by bracket counting (best effort). */
    private static int endOfValue(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return text.length();
    }

    private static String insertEscape(String text, Random random) {
        int quote = text.indexOf('"', random.nextInt(Math.max(1, text.length())));
        if (quote < 0) {
            quote = text.indexOf('"');
        }
        int at = quote < 0 ? 0 : quote + 1;
        return text.substring(0, at) + pick(ESCAPES, random) + text.substring(at);
    }

    private static String wrap(String text, Random random) {
        switch (random.nextInt(5)) {
            case 0:
                return "[" + text + "]";
            case 1:
                return "{\"x\":" + text + "}";
            case 2:
                return " \n\t" + text + " \r\n";
            case 3:
                return text + text;
            default:
                return text.replace(":", " : ").replace(",", " , ");
        }
    }

    private static int indexOfAny(String text, int from, String chars) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }
}
