package dev.dapkit.target.jvm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.jdi.LocalVariable;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import dev.dapkit.server.spi.TargetEvents;
import dev.dapkit.target.jvm.internal.ThreadRegistry.ListedThread;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * What is read when a stop is shown, the thread list and the top frame's locals, answers the
 * client's requests without JDWP round trips, until anything may have changed the debuggee.
 */
class StopReadAheadTest {

    private final VirtualMachine vm = mock(VirtualMachine.class);
    private final ThreadReference main = thread(1, "main");
    private final ThreadReference worker = thread(2, "worker");
    private final LocalVariable local = mock(LocalVariable.class);
    private final Value value = mock(Value.class);
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
        verify(worker, timeout(10_000)).frames();

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
            // returns while the list is still on its way, and the frames are read meanwhile: a stack
            // trace asked next need not wait for the list
            CompletableFuture.runAsync(() -> readAhead.read(worker)).get(10, TimeUnit.SECONDS);
            verify(worker, timeout(10_000)).frames();
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

    @Test
    void theTopFrameLocalsAreReadAheadOnceTheClientOpenedThemAtTheStopBefore() throws Exception {
        StackFrame top = frameWithLocals(worker);
        readAhead.read(worker);
        assertNull(readAhead.topFrameValues(worker), "read ahead before the client ever asked");
        verify(worker, timeout(10_000)).frames();
        verify(top, never()).getValues(anyList());

        execution.changed();
        readAhead.read(worker);
        TopFrameValues ahead = readAhead.topFrameValues(worker);
        assertEquals(Map.of(local, value), ahead.values());
        assertNull(readAhead.topFrameValues(main), "another thread's top frame was not read");
        verify(top, times(1)).getValues(List.of(local));

        // read ahead as the client looked at the stop before, but this time it does not look
        execution.changed();
        readAhead.read(worker);
        verify(top, timeout(10_000).times(2)).getValues(List.of(local));
        // so the stop after is not read ahead
        execution.changed();
        readAhead.read(worker);
        assertNull(readAhead.topFrameValues(worker));
        verify(worker, timeout(10_000).times(4)).frames();
        verify(top, times(2)).getValues(List.of(local));
    }

    @Test
    void localsReadAheadAreForgottenWhenTheDebuggeeMayHaveChanged() throws Exception {
        StackFrame top = stopAfterTheClientOpenedTheLocals();

        execution.changed();
        assertNull(readAhead.topFrameValues(worker), "values kept across a set value");
        verify(top, times(1)).getValues(List.of(local));
    }

    @Test
    void theLocalsAreAskedForAfterTheNames() throws Exception {
        StackFrame top = stopAfterTheClientOpenedTheLocals();
        // the debuggee answers one command at a time: the names the threads request waits for go first
        InOrder order = inOrder(main, worker, top);
        order.verify(main).name();
        order.verify(top).getValues(List.of(local));
        inOrder(worker, top).verify(worker).name();
    }

    /** The client opens the worker's top frame locals at one stop; the next stop reads them ahead. */
    private StackFrame stopAfterTheClientOpenedTheLocals() throws Exception {
        StackFrame top = frameWithLocals(worker);
        readAhead.topFrameValues(worker);
        readAhead.read(worker);
        assertEquals(Map.of(local, value), readAhead.topFrameValues(worker).values());
        return top;
    }

    private StackFrame frameWithLocals(ThreadReference thread) throws Exception {
        StackFrame top = mock(StackFrame.class);
        when(thread.frame(0)).thenReturn(top);
        when(top.visibleVariables()).thenReturn(List.of(local));
        when(top.getValues(List.of(local))).thenReturn(Map.of(local, value));
        return top;
    }

    private static ThreadReference thread(long uniqueId, String name) {
        return MockThreads.thread(uniqueId, name, "main", "java.lang.Thread");
    }
}
