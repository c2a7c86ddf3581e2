package dev.dapkit.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session thread runs tasks in order, and drops the ones a target submits after the session ended. */
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
}
