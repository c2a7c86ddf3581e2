package dev.dapkit.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectRetryTest {

    private static Optional<Duration> ms(long millis) {
        return Optional.of(Duration.ofMillis(millis));
    }

    @Test
    void noRetryMeansOneAttempt() {
        assertEquals(1, ConnectRetry.none().maxAttempts());
        assertEquals(Optional.empty(), ConnectRetry.none().delayAfter(1, Duration.ZERO));
        assertEquals("one attempt, no retry", ConnectRetry.none().toString());
    }

    @Test
    void waitsDoubleFromTheInitialBackoffUpToTheMaximum() {
        ConnectRetry retry = ConnectRetry.attempts(6, Duration.ofMillis(100), Duration.ofMillis(500));
        assertEquals(ms(100), retry.delayAfter(1, Duration.ZERO));
        assertEquals(ms(200), retry.delayAfter(2, Duration.ZERO));
        assertEquals(ms(400), retry.delayAfter(3, Duration.ZERO));
        assertEquals(ms(500), retry.delayAfter(4, Duration.ZERO));
        assertEquals(ms(500), retry.delayAfter(5, Duration.ZERO));
        assertEquals(Optional.empty(), retry.delayAfter(6, Duration.ZERO), "six attempts in all");
        assertEquals("up to 6 attempts, waiting 100 ms doubling to 500 ms", retry.toString());
    }

    @Test
    void manyAttemptsDoNotOverflowTheBackoff() {
        ConnectRetry retry = ConnectRetry.within(Duration.ofDays(1), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertEquals(Optional.of(Duration.ofSeconds(2)), retry.delayAfter(70, Duration.ZERO));
        assertEquals(Optional.of(Duration.ofSeconds(2)), retry.delayAfter(1_000_000, Duration.ZERO));
    }

    @Test
    void aDeadlineShortensTheLastWaitAndThenStops() {
        ConnectRetry retry = ConnectRetry.within(Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(2));
        assertEquals(Integer.MAX_VALUE, retry.maxAttempts());
        assertEquals(Optional.of(Duration.ofSeconds(1)), retry.deadline());
        assertEquals(ms(100), retry.delayAfter(1, Duration.ofMillis(10)));
        assertEquals(ms(50), retry.delayAfter(4, Duration.ofMillis(950)));
        assertEquals(Optional.empty(), retry.delayAfter(5, Duration.ofSeconds(1)));
        assertEquals("attempts for 1 s, waiting 100 ms doubling to 2 s", retry.toString());
    }

    @Test
    void badPoliciesAreRefused() {
        Duration tenth = Duration.ofMillis(100);
        assertThrows(IllegalArgumentException.class, () -> ConnectRetry.attempts(0, tenth, tenth));
        assertThrows(IllegalArgumentException.class, () -> ConnectRetry.attempts(3, Duration.ZERO, tenth));
        assertThrows(IllegalArgumentException.class, () -> ConnectRetry.attempts(3, tenth, Duration.ofMillis(99)));
        assertThrows(IllegalArgumentException.class, () -> ConnectRetry.within(Duration.ZERO, tenth, tenth));
        assertThrows(IllegalArgumentException.class, () -> ConnectRetry.within(Duration.ofSeconds(-1), tenth, tenth));
    }

    @Test
    void policiesAreValues() {
        Duration tenth = Duration.ofMillis(100);
        assertEquals(ConnectRetry.attempts(3, tenth, tenth), ConnectRetry.attempts(3, tenth, tenth));
        assertEquals(ConnectRetry.attempts(3, tenth, tenth).hashCode(), ConnectRetry.attempts(3, tenth, tenth).hashCode());
    }
}
