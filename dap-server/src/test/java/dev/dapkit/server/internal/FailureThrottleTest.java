package dev.dapkit.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    @Test
    void eachConsecutiveFailureWaitsTwiceAsLongUpToTheCap() {
        FailureThrottle throttle = new FailureThrottle(Duration.ofMillis(100), Duration.ofMillis(1000));
        assertEquals(Duration.ofMillis(100), throttle.failed());
        assertEquals(Duration.ofMillis(200), throttle.failed());
        assertEquals(Duration.ofMillis(400), throttle.failed());
        assertEquals(Duration.ofMillis(800), throttle.failed());
        assertEquals(Duration.ofMillis(1000), throttle.failed());
        for (int i = 0; i < 100; i++) {
            assertEquals(Duration.ofMillis(1000), throttle.failed(), "stays at the cap without overflowing");
        }
    }

    @Test
    void aSuccessStartsOver() {
        FailureThrottle throttle = new FailureThrottle(Duration.ofMillis(10), Duration.ofSeconds(1));
        throttle.failed();
        throttle.failed();
        throttle.succeeded();
        assertEquals(Duration.ofMillis(10), throttle.failed());
    }
}
