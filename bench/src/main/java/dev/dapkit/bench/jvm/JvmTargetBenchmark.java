package dev.dapkit.bench.jvm;

import dev.dapkit.server.DapServer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JVM target against raw JDI, end to end, in one run: the same program ({@code BenchDebuggee})
 * debugged by a minimal hand-written JDI loop ({@link RawJdiDebugger}) and by dapkit's client
 * talking over TCP loopback to dapkit's server with the {@code jvm} target ({@link DapkitDebugger}).
 * Both debuggees live at once and the two sides take turns, round by round, so that whatever else
 * the machine does weighs on both alike; only one debuggee runs at any moment.
 *
 * <p>Measured: launch to the first breakpoint (a new JVM each time), one step over (request to
 * stop), a screen refresh after a stop (threads, 20 frames, the top frame's locals), a 1000-frame
 * stack, a 1000-element page of a 100,000-element {@code int[]}, and the breakpoint hits per
 * second of a conditional breakpoint in a hot loop whose condition {@value #CONDITION} is never
 * true, so every hit is one condition test and one resume. Each stop is a new one (JDI caches a
 * stopped thread's frames until it resumes), except the array pages, which JDI does not cache.
 *
 * <p>Run with {@code bench/jvm.sh [--quick] [--iterations N] ...}; see {@link BenchOptions#USAGE}.
 */
public final class JvmTargetBenchmark {

    /**
     * The condition of the hot-loop breakpoint: a local compared with a literal, the cheapest
     * condition there is, and never true, so that the figure is the cost of a hit itself and not
     * of stops shown to the client.
     */
    static final String CONDITION = "i == -1";

    private JvmTargetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        DebuggeeProgram program = DebuggeeProgram.of(options.sourceRoot(), options.deepWarmUp() + options.iterations() + 1,
                options.warmUpHits(), options.hits());
        System.out.printf(Locale.ROOT, "JVM target vs raw JDI: %d cores, load average %.2f, Java %s; %d + %d (deep stops:"
                + " %d) warm-up and %d timed rounds, %d hot-loop hits, %d launches per side%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"),
                options.jitWarmUp(), options.warmUp(), options.deepWarmUp(), options.iterations(), options.hits(),
                options.launches());
        List<Row> rows = new ArrayList<>();
        List<Row> cpuRows = new ArrayList<>();
        JitActivity jit = new JitActivity();
        long began = System.nanoTime();
        try (DapServer server = DapServer.builder().target("jvm").listen("tcp://127.0.0.1:0").build().start()) {
            Sessions sessions = new Sessions(options, program, server.address());
            sessions.run(rows, cpuRows, jit);
            rows.add(0, launches(options, program, server));
        }
        print(rows, cpuRows);
        System.out.printf(Locale.ROOT, "%n%s%n", jit.describe());
        System.out.printf(Locale.ROOT, "whole run %.1f s; load average at the end %.2f%n",
                (System.nanoTime() - began) / 1e9, loadAverage());
    }

    private static Row launches(BenchOptions options, DebuggeeProgram program, DapServer server) throws Exception {
        Samples raw = new Samples();
        Samples dapkit = new Samples();
        for (int i = 0; i < options.launches(); i++) {
            raw.add(timeLaunch(new RawJdiDebugger(program)));
            dapkit.add(timeLaunch(new DapkitDebugger(server.address(), program)));
        }
        return Row.times("launch to first breakpoint", raw, dapkit, Goal.NONE);
    }

    private static long timeLaunch(BenchDebugger debugger) throws Exception {
        try (debugger) {
            long start = System.nanoTime();
            debugger.start();
            return System.nanoTime() - start;
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void print(List<Row> rows, List<Row> cpuRows) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-36s %22s %22s %8s  %s%n", "metric", "raw JDI median (p90)",
                "dapkit median (p90)", "ratio", "goal");
        for (Row row : rows) {
            System.out.println(row.format());
        }
        System.out.println("ratio: dapkit time / raw JDI time (for hits per second: raw rate / dapkit rate);"
                + " above 1 means dapkit is slower. Each dapkit request is one TCP round trip through client and"
                + " server; the scopes request does almost no JDI work, so its time is close to that round trip.");
        System.out.println();
        System.out.println("CPU time of the benchmark JVM's Java threads (caller, client, server, Netty, JDI) per operation;"
                + " it does not grow while a thread waits for a CPU. The debuggee's is not counted.");
        System.out.printf(Locale.ROOT, "%-36s %22s %22s %8s%n", "metric", "raw JDI median (p90)", "dapkit median (p90)",
                "ratio");
        for (Row row : cpuRows) {
            System.out.println(row.format());
        }
    }
}
