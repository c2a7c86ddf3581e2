package dev.dapkit.bench.jvm;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long this JVM's JIT compilers worked while each phase's timed rounds ran. Compilation
 * competes with both sides for the CPU, and code not yet compiled runs slower, so a large share
 * means the warm-up was too short for the figures to describe steady state. Not thread-safe.
 */
final class JitActivity {

    private record Phase(String name, long jitMillis, long wallNanos) {
    }

    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final List<Phase> phases = new ArrayList<>();
    private String current;
    private long jitAtStart;
    private long wallAtStart;

    /** The timed rounds of {@code phase} begin. */
    void start(String phase) {
        current = phase;
        jitAtStart = compileMillis();
        wallAtStart = System.nanoTime();
    }

    /** The timed rounds of the phase begun last end. */
    void stop() {
        phases.add(new Phase(current, compileMillis() - jitAtStart, System.nanoTime() - wallAtStart));
    }

    String describe() {
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return "JIT compilation time is not measured by this JVM";
        }
        StringBuilder text = new StringBuilder("JIT compile time during the timed rounds (both sides and the server share"
                + " this JVM):");
        for (Phase phase : phases) {
            text.append(String.format(Locale.ROOT, "%n  %-30s %6d ms in %5.1f s", phase.name(), phase.jitMillis(),
                    phase.wallNanos() / 1e9));
        }
        return text.toString();
    }

    private long compileMillis() {
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }
}
