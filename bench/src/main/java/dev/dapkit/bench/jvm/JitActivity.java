package dev.dapkit.bench.jvm;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * How long this JVM's JIT compilers worked while timed rounds ran. Compilation competes with both
 * sides for the CPU, and code not yet compiled runs slower, so a large share means the warm-up
 * was too short for the figures to describe steady state. Not thread-safe.
 */
final class JitActivity {

    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private long jitAtStart;
    private long wallAtStart;
    private long jitMillis;
    private long wallNanos;

    /** Timed rounds begin. */
    void start() {
        jitAtStart = compileMillis();
        wallAtStart = System.nanoTime();
    }

    /** Timed rounds end. */
    void stop() {
        jitMillis += compileMillis() - jitAtStart;
        wallNanos += System.nanoTime() - wallAtStart;
    }

    String describe() {
        if (!measurable()) {
            return "JIT compilation time is not measured by this JVM";
        }
        return String.format(Locale.ROOT, "JIT compilers worked %d ms during the %.1f s of timed rounds",
                jitMillis, wallNanos / 1e9);
    }

    private boolean measurable() {
        return jit != null && jit.isCompilationTimeMonitoringSupported();
    }

    private long compileMillis() {
        return measurable() ? jit.getTotalCompilationTime() : 0;
    }
}
