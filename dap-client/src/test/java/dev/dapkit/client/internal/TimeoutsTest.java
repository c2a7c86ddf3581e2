package dev.dapkit.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeoutsTest {

    @Test
    void describesDurationsAsPeopleSayThem() {
        assertEquals("250 ms", Timeouts.describe(Duration.ofMillis(250)));
        assertEquals("1500 ms", Timeouts.describe(Duration.ofMillis(1500)));
        assertEquals("1 s", Timeouts.describe(Duration.ofSeconds(1)));
        assertEquals("30 s", Timeouts.describe(Duration.ofSeconds(30)));
        assertEquals("12 s", Timeouts.describe(Duration.ofMillis(12_400)));
        assertEquals("2 min", Timeouts.describe(Duration.ofMinutes(2)));
        assertEquals("2 min 5 s", Timeouts.describe(Duration.ofSeconds(125)));
        assertEquals("no timeout", Timeouts.describe(Timeouts.NONE));
    }

    @Test
    void acceptsPositiveDurationsAndNone() {
        Duration second = Duration.ofSeconds(1);
        assertSame(second, Timeouts.check(second, "x"));
        assertTrue(Timeouts.isNone(Timeouts.check(Timeouts.NONE, "x")));
        assertEquals("step timeout must be positive, or DapClient.NO_TIMEOUT for none, not PT-1S",
                assertThrows(IllegalArgumentException.class,
                        () -> Timeouts.check(Duration.ofSeconds(-1), "step timeout")).getMessage());
        assertThrows(NullPointerException.class, () -> Timeouts.check(null, "x"));
    }
}
