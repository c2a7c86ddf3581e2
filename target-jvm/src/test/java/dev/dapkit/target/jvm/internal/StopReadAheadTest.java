package dev.dapkit.target.jvm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.jdi.ReferenceType;
import com.sun.jdi.ThreadGroupReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import dev.dapkit.server.spi.TargetEvents;
import dev.dapkit.target.jvm.internal.ThreadRegistry.ListedThread;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The thread list read when a stop is shown answers {@code threads} without a JDWP round trip per
 * name, until anything may have changed the debuggee.
 */
class StopReadAheadTest {

    private final VirtualMachine vm = mock(VirtualMachine.class);
    private final ThreadReference main = thread(1, "main");
    private final ThreadReference worker = thread(2, "worker");
    private ExecutionControl execution;
    private StopReadAhead readAhead;

    @BeforeEach
    void debuggee() {
        when(vm.allThreads()).thenReturn(List.of(main, worker));
        ThreadRegistry threads = new ThreadRegistry(vm);
        execution = new ExecutionControl(vm, threads, mock(TargetEvents.class));
        readAhead = new StopReadAhead(threads, execution);
    }

    @AfterEach
    void closeReaders() {
        readAhead.close();
    }

    @Test
    void theListReadAtTheStopAnswersWithoutAskingForNamesAgain() throws Exception {
        readAhead.read(worker);
        verify(worker).frames();

        List<ListedThread> listed = readAhead.listed();
        readAhead.listed();
        assertEquals(List.of(new ListedThread(1, "main"), new ListedThread(2, "worker")), listed);
        verify(main, times(1)).name();
        verify(worker, times(1)).name();
        verify(vm, times(1)).allThreads();
    }

    @Test
    void theFramesAreReadWithoutWaitingForTheList() throws Exception {
        CountDownLatch listAsked = new CountDownLatch(1);
        CountDownLatch listAnswered = new CountDownLatch(1);
        when(vm.allThreads()).thenAnswer(asked -> {
            listAsked.countDown();
            assertTrue(listAnswered.await(10, TimeUnit.SECONDS), "the test never let the list arrive");
            return List.of(main, worker);
        });
        try {
            // returns while the list is still on its way: a stack trace asked next need not wait for it
            CompletableFuture.runAsync(() -> readAhead.read(worker)).get(10, TimeUnit.SECONDS);
            verify(worker).frames();
            assertTrue(listAsked.await(10, TimeUnit.SECONDS), "the list was not asked for");
        } finally {
            listAnswered.countDown();
        }
        assertEquals(List.of(new ListedThread(1, "main"), new ListedThread(2, "worker")), readAhead.listed());
        verify(vm, times(1)).allThreads();
    }

    @Test
    void aSetValueAMethodRunOrAResumeMakesTheNextListReadAfresh() {
        readAhead.read(worker);
        readAhead.listed();
        verify(main, times(1)).name();
        execution.changed();
        readAhead.listed();
        verify(main, times(2)).name();

        execution.invoking(worker, true);
        execution.invoking(worker, false);
        readAhead.listed();
        verify(main, times(3)).name();

        execution.resume(null, true);
        readAhead.listed();
        verify(main, times(4)).name();
    }

    @Test
    void aListThatAChangeOvertookWhileItWasReadIsNotKept() {
        // the worker is renamed right after its name was read
        doAnswer(asked -> {
            execution.changed();
            return "worker";
        }).doReturn("renamed").when(worker).name();
        readAhead.read(null);
        assertEquals(List.of(new ListedThread(1, "main"), new ListedThread(2, "renamed")), readAhead.listed());
    }

    private static ThreadReference thread(long uniqueId, String name) {
        ThreadReference thread = mock(ThreadReference.class);
        ReferenceType type = mock(ReferenceType.class);
        ThreadGroupReference group = mock(ThreadGroupReference.class);
        when(thread.uniqueID()).thenReturn(uniqueId);
        when(thread.name()).thenReturn(name);
        when(thread.referenceType()).thenReturn(type);
        when(type.name()).thenReturn("java.lang.Thread");
        when(thread.threadGroup()).thenReturn(group);
        when(group.name()).thenReturn("main");
        return thread;
    }
}
