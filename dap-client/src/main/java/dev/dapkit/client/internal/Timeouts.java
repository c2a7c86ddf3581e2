package dev.dapkit.client.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The timeout values a client accepts: a positive duration, or {@link #NONE} for no timeout.
 */
public final class Timeouts {

    /** No timeout at all. */
    public static final Duration NONE = ChronoUnit.FOREVER.getDuration();

    private Timeouts() {
    }

    public static boolean isNone(Duration timeout) {
        return NONE.equals(timeout);
    }

    /**
     * Checks a timeout given by a caller.
     *
     * @param what what the timeout is for, e.g. {@code request timeout}
     * @throws IllegalArgumentException when it is zero or negative
     */
    public static Duration check(Duration timeout, String what) {
        Objects.requireNonNull(timeout, what);
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, or DapClient.NO_TIMEOUT for none, not "
                    + timeout);
        }
        return timeout;
    }

    /** A short human form: {@code 250 ms}, {@code 30 s}, {@code 2 min 5 s}, {@code no timeout}. */
    public static String describe(Duration timeout) {
        if (isNone(timeout)) {
            return "no timeout";
        }
        long millis = timeout.toMillis();
        if (millis < 10_000 && millis % 1000 != 0 || millis < 1000) {
            return millis + " ms";
        }
        long seconds = timeout.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }
}
