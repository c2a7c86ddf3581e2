package dev.dapkit.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The session thread runs tasks in order, and drops the ones a target submits after the session
 * ended; an idle lane runs a task on the thread that offers it, holding the lane meanwhile.
 */
class SessionLaneTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void tasksRunInSubmissionOrder() throws Exception {
        SessionLane lane = new SessionLane("s", executor);
        List<Integer> seen = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            lane.submit(() -> seen.add(n));
        }
        lane.submit(done::countDown);

        assertTrue(done.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void aTaskSubmittedAfterCloseIsDroppedWhileEarlierOnesStillRun() {
        // a direct executor runs an accepted task inside submit, so a dropped task is known at once
        SessionLane lane = new SessionLane("s", Runnable::run);
        List<String> seen = new ArrayList<>();
        lane.submit(() -> seen.add("before"));
        lane.submit(() -> {
            lane.close();
            seen.add("closing");
        });

        lane.submit(() -> seen.add("late"));

        assertEquals(List.of("before", "closing"), seen);
    }

    @Test
    void anExecutorShutDownTooEarlyStillRunsTheSessionsTasksOnAFallbackThread() throws Exception {
        ExecutorService early = Executors.newSingleThreadExecutor();
        early.shutdown();
        SessionLane lane = new SessionLane("s", early);
        CountDownLatch ran = new CountDownLatch(1);

        lane.submit(ran::countDown);

        assertTrue(ran.await(10, TimeUnit.SECONDS));
    }
    @Test
    void anIdleLaneRunsATaskOnTheThreadThatOffersIt() {
        SessionLane lane = new SessionLane("s", executor);
        Thread[] ran = new Thread[1];

        assertTrue(lane.runHereIfIdle(() -> ran[0] = Thread.currentThread()));

        assertEquals(Thread.currentThread(), ran[0]);
    }

    @Test
    void aBusyLaneRefusesToRunHereAndTheTaskCanQueueInstead() throws Exception {
        SessionLane lane = new SessionLane("s", executor);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        lane.submit(() -> {
            running.countDown();
            awaitQuietly(release);
        });
        assertTrue(running.await(10, TimeUnit.SECONDS));
        AtomicBoolean ranHere = new AtomicBoolean();

        assertFalse(lane.runHereIfIdle(() -> ranHere.set(true)), "ran beside the running task");

        release.countDown();
        CountDownLatch drained = new CountDownLatch(1);
        lane.submit(drained::countDown);
        assertTrue(drained.await(10, TimeUnit.SECONDS));
        assertFalse(ranHere.get());
    }

    @Test
    void tasksSubmittedWhileATaskRunsHereRunAfterItInOrderOnTheExecutor() throws Exception {
        SessionLane lane = new SessionLane("s", executor);
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        List<Thread> laterThreads = new CopyOnWriteArrayList<>();

        assertTrue(lane.runHereIfIdle(() -> {
            lane.submit(() -> {
                seen.add("second");
                laterThreads.add(Thread.currentThread());
            });
            lane.submit(() -> {
                seen.add("third");
                done.countDown();
            });
            // the lane is held: nothing submitted may run beside this task
            assertFalse(lane.runHereIfIdle(() -> seen.add("beside")));
            seen.add("first");
        }));

        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("first", "second", "third"), seen);
        assertFalse(laterThreads.contains(caller), "a queued task ran on the offering thread");
    }

    @Test
    void aClosedLaneRunsNothingHere() {
        SessionLane lane = new SessionLane("s", executor);
        lane.close();
        AtomicBoolean ran = new AtomicBoolean();

        assertFalse(lane.runHereIfIdle(() -> ran.set(true)));
        assertFalse(ran.get());
    }

    @Test
    void aTaskThatFailsHereReleasesTheLane() {
        SessionLane lane = new SessionLane("s", executor);

        assertTrue(lane.runHereIfIdle(() -> {
            throw new IllegalStateException("an engine bug, on purpose");
        }));

        assertTrue(lane.runHereIfIdle(() -> { }));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
