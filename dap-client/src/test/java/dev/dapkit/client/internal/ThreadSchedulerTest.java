package dev.dapkit.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadSchedulerTest {

    private final ThreadScheduler scheduler = new ThreadScheduler("test");

    @AfterEach
    void shutDown() {
        scheduler.shutdown();
    }

    @Test
    void runsTasksInDeadlineOrderNotSchedulingOrder() throws InterruptedException {
        LinkedBlockingQueue<String> ran = new LinkedBlockingQueue<>();
        scheduler.schedule(Duration.ofMillis(60), () -> ran.add("third"));
        scheduler.schedule(Duration.ofMillis(20), () -> ran.add("first"));
        scheduler.schedule(Duration.ofMillis(40), () -> ran.add("second"));
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            order.add(ran.poll(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("first", "second", "third"), order);
    }

    @Test
    void anEarlierTaskWakesTheThreadWaitingForALaterOne() throws InterruptedException {
        CountDownLatch late = new CountDownLatch(1);
        CountDownLatch early = new CountDownLatch(1);
        scheduler.schedule(Duration.ofHours(1), late::countDown);
        scheduler.schedule(Duration.ofMillis(10), early::countDown);
        assertTrue(early.await(10, TimeUnit.SECONDS), "the 10 ms task waited behind the one-hour task");
        assertEquals(1, late.getCount());
        assertEquals(1, scheduler.pending());
    }

    @Test
    void anIdleThreadWakesForANewTask() throws InterruptedException {
        CountDownLatch first = new CountDownLatch(1);
        scheduler.schedule(Duration.ZERO, first::countDown);
        assertTrue(first.await(10, TimeUnit.SECONDS));
        CountDownLatch second = new CountDownLatch(1);
        scheduler.schedule(Duration.ofMillis(5), second::countDown);
        assertTrue(second.await(10, TimeUnit.SECONDS), "the thread stayed asleep with nothing scheduled");
    }

    @Test
    void aCancelledTaskNeverRunsAndLeavesNothingBehind() throws InterruptedException {
        AtomicBoolean cancelledRan = new AtomicBoolean();
        Runnable cancel = scheduler.schedule(Duration.ofMillis(20), () -> cancelledRan.set(true));
        cancel.run();
        cancel.run();
        assertEquals(0, scheduler.pending());
        CountDownLatch fence = new CountDownLatch(1);
        scheduler.schedule(Duration.ofMillis(40), fence::countDown);
        assertTrue(fence.await(10, TimeUnit.SECONDS));
        assertFalse(cancelledRan.get(), "a cancelled task ran");
    }

    @Test
    void requestLikeTrafficKeepsNoCancelledTasks() {
        for (int i = 0; i < 10_000; i++) {
            scheduler.schedule(Duration.ofSeconds(30), () -> { }).run();
        }
        assertEquals(0, scheduler.pending());
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() throws InterruptedException {
        scheduler.schedule(Duration.ZERO, () -> {
            throw new IllegalStateException("a task that fails on purpose");
        });
        CountDownLatch after = new CountDownLatch(1);
        scheduler.schedule(Duration.ofMillis(10), after::countDown);
        assertTrue(after.await(10, TimeUnit.SECONDS));
    }

    @Test
    void shutdownDropsWhatIsPendingAndRefusesNewTasks() throws InterruptedException {
        CountDownLatch fence = new CountDownLatch(1);
        scheduler.schedule(Duration.ZERO, fence::countDown);
        assertTrue(fence.await(10, TimeUnit.SECONDS));
        AtomicBoolean ran = new AtomicBoolean();
        scheduler.schedule(Duration.ofMillis(10), () -> ran.set(true));
        scheduler.shutdown();
        assertEquals(0, scheduler.pending());
        scheduler.schedule(Duration.ZERO, () -> ran.set(true)).run();
        assertEquals(0, scheduler.pending());
        assertFalse(ran.get());
    }

    @Test
    void hugeAndNegativeDelaysAreAccepted() throws InterruptedException {
        scheduler.schedule(Duration.ofSeconds(Long.MAX_VALUE), () -> { });
        CountDownLatch now = new CountDownLatch(1);
        scheduler.schedule(Duration.ofMillis(-5), now::countDown);
        assertTrue(now.await(10, TimeUnit.SECONDS));
        assertEquals(1, scheduler.pending());
    }
}
