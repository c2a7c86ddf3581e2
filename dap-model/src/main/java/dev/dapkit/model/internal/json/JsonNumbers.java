package dev.dapkit.model.internal.json;

/**
 * JSON's number grammar, as Jackson enforces it: an optional minus, no leading zeros, at least one
 * digit after a decimal point or an exponent, no plus sign in front, and at most 1000 digits. Reads
 * the number at a {@link Utf8JsonReader}'s position and leaves the result in the reader; an integer
 * that fits an {@code int} is converted on the way, without allocating. Stateless.
 */
final class JsonNumbers {

    /** Jackson's default {@code StreamReadConstraints.getMaxNumberLength()}. */
    private static final int MAX_LENGTH = 1000;

    private JsonNumbers() {
    }

    /**
     * Like {@link #scan}, quicker for the common case of a small non-negative integer: up to nine
     * digits not followed by a fraction or an exponent.
     */
    static boolean scanInt(Utf8JsonReader in) {
        byte[] b = in.buf;
        int start = in.pos;
        int p = start;
        int limit = Math.min(in.end, p + 9);
        int value = 0;
        while (p < limit) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            value = value * 10 + d;
            p++;
        }
        int digits = p - start;
        if (digits == 0 || (digits > 1 && b[start] == '0') || p == in.end || continuesNumber(b[p])) {
            return scan(in);
        }
        in.numberStart = start;
        in.numberInt = value;
        in.pos = p;
        return true;
    }

    /** A byte that would continue a number (or make it malformed) after nine digits. */
    private static boolean continuesNumber(byte c) {
        return isDigit(c) || c == '.' || c == 'e' || c == 'E';
    }

    /**
     * At {@code '-'} or a digit: checks the number's grammar and moves past it. Returns true when it
     * is an integer (no fraction, no exponent) that fits an {@code int}, which is then the reader's
     * {@code numberInt}; its {@code numberStart} is where the number started either way.
     */
    static boolean scan(Utf8JsonReader in) {
        byte[] b = in.buf;
        int end = in.end;
        int p = in.pos;
        in.numberStart = p;
        boolean negative = b[p] == '-';
        if (negative) {
            p++;
            in.pos = p;
            if (p == end) {
                throw in.endOfInput(" in a Number value");
            }
            if (!isDigit(b[p])) {
                if (b[p] == 'I') {
                    throw MalformedJsonException.unrecognizedToken(b, in.numberStart, end);
                }
                throw in.inNumber("expected digit (0-9) to follow minus sign, for valid numeric value");
            }
        }
        int intStart = p;
        long value = 0;
        if (b[p] == '0') {
            p++;
            if (p < end && isDigit(b[p])) {
                in.pos = p;
                throw new MalformedJsonException("Invalid numeric value: Leading zeroes not allowed", p);
            }
        } else {
            // only read as a value when at most ten digits, so the long never overflows where it counts
            while (p < end && isDigit(b[p])) {
                value = value * 10 + (b[p] - '0');
                p++;
            }
        }
        int intLength = p - intStart;
        int fractionLength = 0;
        int exponentLength = 0;
        if (p < end && b[p] == '.') {
            int digits = ++p;
            while (p < end && isDigit(b[p])) {
                p++;
            }
            in.pos = p;
            if (p == digits) {
                throw p == end ? in.endOfInput(" in a Number value") : in.inNumber("Decimal point not followed by a digit");
            }
            fractionLength = p - digits;
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (p < end && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            int digits = p;
            while (p < end && isDigit(b[p])) {
                p++;
            }
            in.pos = p;
            if (p == digits) {
                throw p == end ? in.endOfInput(" in a Number value")
                        : in.inNumber("Exponent indicator not followed by a digit");
            }
            exponentLength = p - digits;
        }
        in.pos = p;
        int length = intLength + fractionLength + exponentLength;
        if (length > MAX_LENGTH) {
            throw new MalformedJsonException("Number value length (" + length + ") exceeds the maximum allowed ("
                    + MAX_LENGTH + ", from `StreamReadConstraints.getMaxNumberLength()`)", in.numberStart);
        }
        boolean isInt = fractionLength == 0 && exponentLength == 0 && intLength <= 10
                && (negative ? -value >= Integer.MIN_VALUE : value <= Integer.MAX_VALUE);
        in.numberInt = isInt ? (int) (negative ? -value : value) : 0;
        return isInt;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
