package dev.dapkit.bench.jvm;

import java.net.URI;
import java.util.List;

/**
 * The measured phases on one debuggee per side, both alive at once: step + refresh, array pages,
 * 1000-frame stacks, the hot loop. Round by round the sides take turns, the first alternating,
 * and each result is checked against the other side's so both provably did the same work.
 * Not thread-safe.
 */
final class Sessions {

    private final BenchOptions options;
    private final DebuggeeProgram program;
    private final URI server;

    Sessions(BenchOptions options, DebuggeeProgram program, URI server) {
        this.options = options;
        this.program = program;
        this.server = server;
    }

    /**
     * Runs every phase and adds their rows: wall times to {@code rows}, and the CPU time this JVM's
     * threads spent on each timed operation to {@code cpuRows}.
     */
    void run(List<Row> rows, List<Row> cpuRows, JitActivity jit) throws Exception {
        CpuClock cpu = new CpuClock();
        try (RawJdiDebugger raw = new RawJdiDebugger(program);
                DapkitDebugger dapkit = new DapkitDebugger(server, program)) {
            raw.start();
            dapkit.start();
            BenchDebugger[] sides = {raw, dapkit};
            int rounds = options.warmUp() + options.iterations();
            // dapkit runs far more code in this JVM than the JDI loop does, and the JIT compiles it
            // only after thousands of calls: repeat what is cheap at one stop first
            for (int i = 0; i < options.jitWarmUp(); i++) {
                raw.refresh();
                dapkit.refresh();
            }

            Samples[] step = samples();
            Samples[] refresh = samples();
            Samples[] stepAndRefresh = samples();
            Samples[] stepCpu = samples();
            Samples[] refreshCpu = samples();
            for (int round = 0; round < rounds; round++) {
                if (round == options.warmUp()) {
                    dapkit.forgetRefreshParts();
                    jit.start("step + refresh");
                }
                int[] locals = new int[2];
                for (int turn = 0; turn < 2; turn++) {
                    int side = (round + turn) % 2;
                    long c0 = cpu.now();
                    long t0 = System.nanoTime();
                    sides[side].stepOver();
                    long t1 = System.nanoTime();
                    long c1 = cpu.now();
                    long t2 = System.nanoTime();
                    locals[side] = sides[side].refresh();
                    long t3 = System.nanoTime();
                    long c2 = cpu.now();
                    if (round >= options.warmUp()) {
                        step[side].add(t1 - t0);
                        refresh[side].add(t3 - t2);
                        stepAndRefresh[side].add(t1 - t0 + t3 - t2);
                        stepCpu[side].add(cpu.between(c0, c1));
                        refreshCpu[side].add(cpu.between(c1, c2));
                    }
                }
                same("locals after step " + round, locals[0], locals[1]);
            }
            jit.stop();
            rows.add(Row.times("step-over round trip", step[0], step[1], Goal.ratio(1.5)));
            cpuRows.add(Row.times("step-over round trip", stepCpu[0], stepCpu[1], Goal.NONE));
            cpuRows.add(Row.times("refresh (threads+20 frames+locals)", refreshCpu[0], refreshCpu[1], Goal.NONE));
            rows.add(Row.times("refresh (threads+20 frames+locals)", refresh[0], refresh[1], Goal.ratio(1.5)));
            for (int i = 0; i < DapkitDebugger.REFRESH_REQUESTS.size(); i++) {
                rows.add(Row.dapkitOnly("  of which " + DapkitDebugger.REFRESH_REQUESTS.get(i),
                        dapkit.refreshParts().get(i)));
            }
            // dapkit reads the thread list and the frames while its stopped event travels: this row
            // counts that work wherever it falls, from the step request to the refreshed screen
            rows.add(Row.times("step + refresh (to screen)", stepAndRefresh[0], stepAndRefresh[1], Goal.NONE));

            raw.openArray();
            dapkit.openArray();
            Samples[] page = samples();
            Samples[] pageCpu = samples();
            int pageRounds = options.jitWarmUp() + options.iterations();
            for (int round = 0; round < pageRounds; round++) {
                if (round == options.jitWarmUp()) {
                    jit.start("array pages");
                }
                int start = round * 1000 % 100_000;
                int[] counts = new int[2];
                for (int turn = 0; turn < 2; turn++) {
                    int side = (round + turn) % 2;
                    long c0 = cpu.now();
                    long t0 = System.nanoTime();
                    counts[side] = sides[side].arrayPage(start);
                    long t1 = System.nanoTime();
                    long c1 = cpu.now();
                    if (round >= options.jitWarmUp()) {
                        page[side].add(t1 - t0);
                        pageCpu[side].add(cpu.between(c0, c1));
                    }
                }
                same("array page at " + start, 1000, counts[0]);
                same("array page at " + start, 1000, counts[1]);
            }
            jit.stop();

            raw.goDeep();
            dapkit.goDeep();
            for (int i = 0; i < options.jitWarmUp() / 2; i++) {
                raw.stack1000();
                dapkit.stack1000();
            }
            Samples[] stack = samples();
            Samples[] stackCpu = samples();
            Samples[] stopAndStack = samples();
            int deepRounds = options.deepWarmUp() + options.iterations();
            for (int round = 0; round < deepRounds; round++) {
                if (round == Math.max(1, options.deepWarmUp())) {
                    jit.start("1000-frame stacks");
                }
                for (int turn = 0; turn < 2; turn++) {
                    int side = (round + turn) % 2;
                    long t0 = System.nanoTime();
                    if (round > 0) {
                        sides[side].nextDeepStop();
                    }
                    long c0 = cpu.now();
                    long t1 = System.nanoTime();
                    int frames = sides[side].stack1000();
                    long t2 = System.nanoTime();
                    long c1 = cpu.now();
                    same("frames at deep stop " + round, 1000, frames);
                    if (round >= Math.max(1, options.deepWarmUp())) {
                        stack[side].add(t2 - t1);
                        stackCpu[side].add(cpu.between(c0, c1));
                        stopAndStack[side].add(t2 - t0);
                    }
                }
            }
            jit.stop();
            rows.add(Row.times("1000-frame stack trace", stack[0], stack[1], Goal.millis(5)));
            rows.add(Row.times("continue + 1000 frames (to stack)", stopAndStack[0], stopAndStack[1],
                    Goal.NONE));
            rows.add(Row.times("int[100000] page of 1000", page[0], page[1], Goal.NONE));
            cpuRows.add(Row.times("1000-frame stack trace", stackCpu[0], stackCpu[1], Goal.NONE));
            cpuRows.add(Row.times("int[100000] page of 1000", pageCpu[0], pageCpu[1], Goal.NONE));

            raw.goHot();
            dapkit.goHot();
            same("warm-up hot loop hits", options.warmUpHits(), raw.runHotLoop());
            dapkit.runHotLoop();
            same("line of the stop after the warm-up hot loop", program.line("hotEnd"), dapkit.topLine());
            jit.start("hot loop");
            long t0 = System.nanoTime();
            long hits = raw.runHotLoop();
            long t1 = System.nanoTime();
            dapkit.runHotLoop();
            long t2 = System.nanoTime();
            jit.stop();
            same("hot loop hits", options.hits(), hits);
            same("line of the stop after the hot loop", program.line("hotEnd"), dapkit.topLine());
            rows.add(Row.rates("conditional bp '" + JvmTargetBenchmark.CONDITION + "' hits", options.hits() * 1e9 / (t1 - t0),
                    options.hits() * 1e9 / (t2 - t1)));
        }
    }

    private static Samples[] samples() {
        return new Samples[] {new Samples(), new Samples()};
    }

    private static void same(String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + " but was " + actual);
        }
    }
}
