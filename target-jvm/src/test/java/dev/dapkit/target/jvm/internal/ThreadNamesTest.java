package dev.dapkit.target.jvm.internal;

import static dev.dapkit.target.jvm.internal.MockThreads.thread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.jdi.ThreadReference;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** A program's threads are named afresh at every listing; the JVM's own threads once. */
class ThreadNamesTest {

    private static final Executor HERE = Runnable::run;

    private final ThreadNames names = new ThreadNames();

    @Test
    void aThreadOfTheProgramIsAskedForItsNameEachTime() {
        ThreadReference main = thread(1, "main", "main", "java.lang.Thread");
        ThreadReference worker = thread(2, "worker-1", "pool", "java.lang.Thread");
        assertEquals("main", names.shown(main, HERE).join());
        assertEquals("worker-1 [pool]", names.shown(worker, HERE).join());
        when(worker.name()).thenReturn("renamed");
        assertEquals("main", names.shown(main, HERE).join());
        assertEquals("renamed [pool]", names.shown(worker, HERE).join());
        verify(main, times(2)).name();
        verify(worker, times(2)).name();
    }

    @Test
    void theJvmsOwnThreadsAreAskedOnceUntilTheyEnd() {
        ThreadReference handler = thread(3, "Reference Handler", "system", "java.lang.Thread");
        ThreadReference cleaner = thread(4, "Common-Cleaner", "InnocuousThreadGroup", "jdk.internal.misc.InnocuousThread");
        for (int i = 0; i < 3; i++) {
            assertEquals("Reference Handler [system]", names.shown(handler, HERE).join());
            assertEquals("Common-Cleaner [InnocuousThreadGroup]", names.shown(cleaner, HERE).join());
        }
        verify(handler, times(1)).name();
        verify(cleaner, times(1)).name();

        names.forget(3);
        names.shown(handler, HERE).join();
        verify(handler, times(2)).name();
    }

    @Test
    void aVirtualThreadIsMarkedAndNamedEachTime() {
        ThreadReference virtual = thread(5, "", "VirtualThreads", "java.lang.VirtualThread");
        assertEquals("virtual thread #5 [virtual]", names.shown(virtual, HERE).join());
        when(virtual.name()).thenReturn("fetcher");
        assertEquals("fetcher [virtual]", names.shown(virtual, HERE).join());
    }
}
