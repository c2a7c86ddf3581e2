package dev.dapkit.target.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A debuggee on Java 21+ (Temurin 25 here) with a virtual thread: the target asks the debug agent
 * to include virtual threads, lists them (marked) and reads their stacks, although the target's own
 * JDI is Java 17's, which knows nothing of virtual threads.
 */
class JvmVirtualThreadsTest {

    @Test
    void aVirtualThreadStopsAtABreakpointAndIsListed() {
        Assumptions.assumeTrue(Files.isExecutable(Samples.TEMURIN_25.resolve("bin/java")),
                "Temurin 25 is not installed at " + Samples.TEMURIN_25 + "; virtual threads need a Java 21+ debuggee");
        int line = Samples.line("VirtualThreads", "IN_VIRTUAL");
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("VirtualThreads", "javaHome", Samples.TEMURIN_25.toString()), "VirtualThreads",
                    line);
            StoppedEventArguments stop = jvm.stopped();
            StackFrame[] frames = jvm.stack(stop.getThreadId());
            assertEquals(line, frames[0].getLine());
            assertEquals("VirtualThreads.inVirtual(CountDownLatch)", frames[0].getName());
            List<Thread> threads = Arrays.asList(jvm.request("threads", null, ThreadsResponse.class).getThreads());
            Thread stopped = threads.stream().filter(t -> t.getId() == stop.getThreadId()).findFirst()
                    .orElseThrow(() -> new AssertionError("the virtual thread is not listed: "
                            + threads.stream().map(Thread::getName).toList()));
            assertTrue(stopped.getName().endsWith("[virtual]"), stopped.getName());
            jvm.setBreakpoints(Samples.path("VirtualThreads"));
            jvm.resume(stop.getThreadId());
            assertEquals(0, jvm.awaitExit());
            assertTrue(jvm.output("stdout").contains("virtual done"));
        }
    }
}
