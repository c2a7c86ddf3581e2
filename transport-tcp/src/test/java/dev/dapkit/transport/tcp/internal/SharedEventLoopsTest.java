package dev.dapkit.transport.tcp.internal;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SharedEventLoopsTest {

    @Test
    void leasesShareOneGroupOfDaemonThreads() throws Exception {
        try (SharedEventLoops.Lease a = SharedEventLoops.acquire(); SharedEventLoops.Lease b = SharedEventLoops.acquire()) {
            assertSame(a.group(), b.group());
            Thread thread = a.group().submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
            assertTrue(thread.isDaemon(), thread.getName() + " is not a daemon thread");
            assertTrue(thread.getName().startsWith("dapkit-tcp-"), thread.getName());
        }
    }

    @Test
    void theGroupStopsOnceItsLastLeaseIsClosedAndANewOneIsMadeWhenNeeded() throws Exception {
        SharedEventLoops.Lease first = SharedEventLoops.acquire();
        EventLoopGroup group = first.group();
        SharedEventLoops.Lease shared = first.share();
        first.close();
        first.close();
        assertThrows(IllegalStateException.class, first::share);
        shared.close();
        assertTrue(group.terminationFuture().await(10, TimeUnit.SECONDS),
                "the group still runs 10 s after its last lease closed");
        try (SharedEventLoops.Lease next = SharedEventLoops.acquire()) {
            assertNotSame(group, next.group());
        }
    }
}
