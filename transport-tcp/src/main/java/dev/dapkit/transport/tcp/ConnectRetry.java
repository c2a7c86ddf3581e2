package dev.dapkit.transport.tcp;

import dev.dapkit.transport.tcp.internal.DurationText;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link TcpClientTransport} retries a connection that the peer refused or that timed out,
 * for a board or adapter that starts listening a little later than its debugger: a bound (a number
 * of attempts, or a deadline from the first attempt) and an exponential backoff, doubling from
 * {@link #initialBackoff()} up to {@link #maxBackoff()} between attempts.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConnectRetry {

    private static final ConnectRetry NONE = new ConnectRetry(1, null, Duration.ZERO, Duration.ZERO);

    private final int maxAttempts;
    private final Duration deadline;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private ConnectRetry(int maxAttempts, Duration deadline, Duration initialBackoff, Duration maxBackoff) {
        this.maxAttempts = maxAttempts;
        this.deadline = deadline;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** One attempt, no retry: the default. */
    public static ConnectRetry none() {
        return NONE;
    }

    /**
     * At most {@code maxAttempts} attempts in all (the first included).
     *
     * @throws IllegalArgumentException when {@code maxAttempts} is below 1 or the backoffs are not
     *     positive with {@code initialBackoff <= maxBackoff}
     */
    public static ConnectRetry attempts(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        checkBackoff(initialBackoff, maxBackoff);
        return new ConnectRetry(maxAttempts, null, initialBackoff, maxBackoff);
    }

    /**
     * Attempts until {@code deadline} has passed since the first one began; the wait before the last
     * attempt is shortened so that it starts by the deadline. An attempt under way at the deadline
     * runs to its own connect timeout.
     *
     * @throws IllegalArgumentException when the deadline is not positive, or the backoffs are not
     *     positive with {@code initialBackoff <= maxBackoff}
     */
    public static ConnectRetry within(Duration deadline, Duration initialBackoff, Duration maxBackoff) {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, got " + deadline);
        }
        checkBackoff(initialBackoff, maxBackoff);
        return new ConnectRetry(Integer.MAX_VALUE, deadline, initialBackoff, maxBackoff);
    }

    private static void checkBackoff(Duration initialBackoff, Duration maxBackoff) {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be positive, got " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is shorter than initialBackoff "
                    + initialBackoff);
        }
    }

    /** The most attempts in all; {@link Integer#MAX_VALUE} when only a deadline bounds them. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The deadline from the start of the first attempt, when the policy has one. */
    public Optional<Duration> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** The wait after the first failed attempt. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest wait between two attempts. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * The wait before the attempt that follows failed attempt {@code failedAttempt} (from 1), or
     * empty when no attempt follows.
     *
     * @param elapsed time since the first attempt began
     */
    public Optional<Duration> delayAfter(int failedAttempt, Duration elapsed) {
        if (failedAttempt >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = maxBackoff;
        int doublings = failedAttempt - 1;
        if (doublings < 62) {
            long nanos = initialBackoff.toNanos();
            long scaled = nanos > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : nanos << doublings;
            delay = Duration.ofNanos(Math.min(scaled, maxBackoff.toNanos()));
        }
        if (deadline != null) {
            Duration left = deadline.minus(elapsed);
            if (left.isNegative() || left.isZero()) {
                return Optional.empty();
            }
            delay = delay.compareTo(left) < 0 ? delay : left;
        }
        return Optional.of(delay);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectRetry other && maxAttempts == other.maxAttempts
                && Objects.equals(deadline, other.deadline) && initialBackoff.equals(other.initialBackoff)
                && maxBackoff.equals(other.maxBackoff);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, deadline, initialBackoff, maxBackoff);
    }

    /** E.g. {@code up to 5 attempts, waiting 100 ms doubling to 2 s}. */
    @Override
    public String toString() {
        if (maxAttempts == 1) {
            return "one attempt, no retry";
        }
        String bound = deadline != null ? "attempts for " + DurationText.format(deadline)
                : "up to " + maxAttempts + " attempts";
        return bound + ", waiting " + DurationText.format(initialBackoff) + " doubling to "
                + DurationText.format(maxBackoff);
    }
}
