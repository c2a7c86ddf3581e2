package dev.dapkit.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
 *
 * <p>Jackson decodes invalid UTF-8 leniently inside strings, so the envelope reader checks a
 * frame with this first. Stateless.
 */
final class Utf8Check {

    private static final int NOT_A_LEAD_BYTE = -1;
    private static final int TRUNCATED = -2;
    private static final int MISSING_CONTINUATION = -3;
    private static final int OVERLONG = -4;
    private static final int SURROGATE = -5;
    private static final int ABOVE_MAX = -6;

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Utf8Check() {
    }

    /** The index of the first byte that starts an invalid sequence, or -1 when all is valid. */
    static int firstInvalid(byte[] b, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            // DAP traffic is mostly ASCII: test eight bytes at once for a set high bit
            if (end - i >= Long.BYTES && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
                i += Long.BYTES;
                continue;
            }
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int n = sequenceAt(b, i, end);
            if (n < 0) {
                return i;
            }
            i += n;
        }
        return -1;
    }

    /**
     * Why the sequence starting at {@code at} (as returned by {@link #firstInvalid}) is invalid,
     * e.g. "overlong 2-byte encoding C0 80"; {@code end} is the index just past the text.
     */
    static String describeInvalid(byte[] b, int at, int end) {
        int lead = b[at] & 0xFF;
        switch (sequenceAt(b, at, end)) {
            case NOT_A_LEAD_BYTE:
                if (lead >= 0x80 && lead <= 0xBF) {
                    return String.format("continuation byte 0x%02X without a lead byte", lead);
                }
                if (lead == 0xC0 || lead == 0xC1) {
                    return "overlong 2-byte encoding " + hex(b, at, Math.min(end, at + 2));
                }
                return String.format("byte 0x%02X never appears in UTF-8", lead);
            case TRUNCATED:
                return "sequence " + hex(b, at, end) + " is cut off by the end of the text";
            case MISSING_CONTINUATION:
                return String.format("lead byte 0x%02X is not followed by enough continuation bytes (%s)",
                        lead, hex(b, at, Math.min(end, at + expectedLength(lead))));
            case OVERLONG:
                return "overlong " + expectedLength(lead) + "-byte encoding "
                        + hex(b, at, at + expectedLength(lead));
            case SURROGATE:
                return "UTF-16 surrogate " + hex(b, at, at + 3) + " encoded as UTF-8";
            case ABOVE_MAX:
                return "code point above U+10FFFF (" + hex(b, at, at + 4) + ")";
            default:
                return "valid sequence";
        }
    }

    /** The length of the valid sequence that starts with the non-ASCII byte at {@code i}, or a negative code. */
    private static int sequenceAt(byte[] b, int i, int end) {
        int lead = b[i] & 0xFF;
        int need = expectedLength(lead) - 1;
        if (need <= 0) {
            return NOT_A_LEAD_BYTE;
        }
        int cp = lead & (0x3F >> need);
        int available = Math.min(need, end - i - 1);
        for (int k = 1; k <= available; k++) {
            int cc = b[i + k] & 0xFF;
            if ((cc & 0xC0) != 0x80) {
                return MISSING_CONTINUATION;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (available < need) {
            return TRUNCATED;
        }
        if (cp < minimumFor(need)) {
            return OVERLONG;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            return SURROGATE;
        }
        if (cp > 0x10FFFF) {
            return ABOVE_MAX;
        }
        return need + 1;
    }

    /** Bytes in a sequence that starts with {@code lead}; 0 when it cannot start one. */
    private static int expectedLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    private static int minimumFor(int continuationBytes) {
        return continuationBytes == 1 ? 0x80 : continuationBytes == 2 ? 0x800 : 0x10000;
    }

    private static String hex(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", b[i] & 0xFF));
        }
        return sb.toString();
    }
}
