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

    /** Runs every phase and adds their rows. */
    void run(List<Row> rows) throws Exception {
        try (RawJdiDebugger raw = new RawJdiDebugger(program);
                DapkitDebugger dapkit = new DapkitDebugger(server, program)) {
            raw.start();
            dapkit.start();
            BenchDebugger[] sides = {raw, dapkit};
            int rounds = options.warmUp() + options.iterations();

            Samples[] step = samples();
            Samples[] refresh = samples();
            for (int round = 0; round < rounds; round++) {
                if (round == options.warmUp()) {
                    dapkit.forgetRefreshParts();
                }
                int[] locals = new int[2];
                for (int turn = 0; turn < 2; turn++) {
                    int side = (round + turn) % 2;
                    long t0 = System.nanoTime();
                    sides[side].stepOver();
                    long t1 = System.nanoTime();
                    locals[side] = sides[side].refresh();
                    long t2 = System.nanoTime();
                    if (round >= options.warmUp()) {
                        step[side].add(t1 - t0);
                        refresh[side].add(t2 - t1);
                    }
                }
                same("locals after step " + round, locals[0], locals[1]);
            }
            rows.add(Row.times("step-over round trip", step[0], step[1], Goal.ratio(1.5)));
            rows.add(Row.times("refresh (threads+20 frames+locals)", refresh[0], refresh[1], Goal.ratio(1.5)));
            for (int i = 0; i < DapkitDebugger.REFRESH_REQUESTS.size(); i++) {
                rows.add(Row.dapkitOnly("  of which " + DapkitDebugger.REFRESH_REQUESTS.get(i),
                        dapkit.refreshParts().get(i)));
            }

            raw.openArray();
            dapkit.openArray();
            Samples[] page = samples();
            for (int round = 0; round < rounds; round++) {
                int start = round * 1000 % 100_000;
                int[] counts = new int[2];
                for (int turn = 0; turn < 2; turn++) {
                    int side = (round + turn) % 2;
                    long t0 = System.nanoTime();
                    counts[side] = sides[side].arrayPage(start);
                    long t1 = System.nanoTime();
                    if (round >= options.warmUp()) {
                        page[side].add(t1 - t0);
                    }
                }
                same("array page at " + start, 1000, counts[0]);
                same("array page at " + start, 1000, counts[1]);
            }

            raw.goDeep();
            dapkit.goDeep();
            Samples[] stack = samples();
            for (int round = 0; round < rounds; round++) {
                for (int turn = 0; turn < 2; turn++) {
                    int side = (round + turn) % 2;
                    long t0 = System.nanoTime();
                    int frames = sides[side].stack1000();
                    long t1 = System.nanoTime();
                    same("frames at deep stop " + round, 1000, frames);
                    if (round >= options.warmUp()) {
                        stack[side].add(t1 - t0);
                    }
                    if (round + 1 < rounds) {
                        sides[side].nextDeepStop();
                    }
                }
            }
            rows.add(Row.times("1000-frame stack trace", stack[0], stack[1], Goal.millis(5)));
            rows.add(Row.times("int[100000] page of 1000", page[0], page[1], Goal.NONE));

            raw.goHot();
            dapkit.goHot();
            same("warm-up hot loop hits", options.warmUpHits(), raw.runHotLoop());
            dapkit.runHotLoop();
            same("line of the stop after the warm-up hot loop", program.line("hotEnd"), dapkit.topLine());
            long t0 = System.nanoTime();
            long hits = raw.runHotLoop();
            long t1 = System.nanoTime();
            dapkit.runHotLoop();
            long t2 = System.nanoTime();
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
