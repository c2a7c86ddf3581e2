package dev.dapkit.model.internal.json;

/**
 * Checks a JSON value with a {@link Utf8JsonReader} and moves past it without building anything:
 * what the envelope does with a message's body and a bean reader with an unknown field. The usual
 * compact forms take short paths; anything else goes through the reader's own methods, so errors
 * say exactly what they say there. Stateless.
 */
final class ValueSkipper {

    private ValueSkipper() {
    }

    /** Checks the value that starts at the next non-whitespace byte and moves past it. */
    static void skip(Utf8JsonReader in) {
        int c = in.peek();
        switch (c) {
            case '{': {
                int open = in.pos;
                if (in.beginObject()) {
                    do {
                        skipName(in);
                        skip(in);
                    } while (in.nextField(open));
                }
                return;
            }
            case '[': {
                int open = in.pos;
                if (in.beginArray()) {
                    do {
                        skip(in);
                    } while (in.nextElement(open));
                }
                return;
            }
            case '"':
                in.skipString();
                return;
            case 't':
            case 'f':
                in.readBoolean();
                return;
            case 'n':
                in.readNull();
                return;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
                in.scanInt();
                return;
            case '-':
                in.scanNumber();
                return;
            default:
                throw in.notAValue();
        }
    }

    /**
     * Like {@link Utf8JsonReader#readName()} without keeping the name, quicker for the usual compact form: a name
     * without escapes, the colon right after it and a value right after that. Anything else is left
     * to {@link Utf8JsonReader#readName()}, which reads it or says what is wrong.
     */
    private static void skipName(Utf8JsonReader in) {
        byte[] b = in.buf;
        int p = JsonStrings.stopShort(b, in.pos + 1, in.end);
        if (p + 2 < in.end && b[p] == '"' && b[p + 1] == ':' && b[p + 2] > ' '
                && p - in.pos - 1 <= Utf8JsonReader.MAX_NAME_LENGTH) {
            in.pos = p + 2;
        } else {
            in.readName();
        }
    }
}
