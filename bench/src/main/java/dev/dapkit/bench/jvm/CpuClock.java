package dev.dapkit.bench.jvm;

import java.lang.management.ManagementFactory;

/**
 * The CPU time used so far by the Java threads of this JVM, summed: the benchmark thread, the
 * client's and the server's threads, Netty's event loops and JDI's reader threads. Unlike wall
 * time it does not grow while a thread waits for a CPU, so it shows how much work each side makes
 * the machine do even when other processes load it. The JIT's and the collector's threads are not
 * Java threads and are not counted; neither is the debuggee's JVM. Not thread-safe.
 */
final class CpuClock {

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long readCost;

    CpuClock() {
        if (!threads.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 200; i++) {
            long a = now();
            long b = now();
            best = Math.min(best, b - a);
        }
        readCost = best;
    }

    /** The summed CPU time of the live Java threads, in nanoseconds. */
    long now() {
        long sum = 0;
        for (long t : threads.getThreadCpuTime(threads.getAllThreadIds())) {
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }

    /** The CPU time spent between two readings, less what reading itself costs. */
    long between(long before, long after) {
        return Math.max(0, after - before - readCost);
    }
}
