package dev.dapkit.bench.jvm;

import java.nio.file.Path;

/**
 * How much the JVM-target benchmark measures. Immutable.
 *
 * @param launches debuggee launches per side for "launch to first breakpoint"
 * @param jitWarmUp untimed repetitions at one stop (refresh, array page; half as many 1000-frame
 *     stacks) before the timed phases, so that the JIT has compiled the code of both sides
 * @param warmUp untimed step + refresh rounds before the timed ones
 * @param deepWarmUp untimed deep stops before the timed ones
 * @param iterations timed rounds of step + refresh, of array pages and of 1000-frame stacks
 * @param warmUpHits breakpoint hits of the untimed hot loop
 * @param hits breakpoint hits of the timed hot loop
 * @param sourceRoot the folder holding the debuggee's source
 */
record BenchOptions(int launches, int jitWarmUp, int warmUp, int deepWarmUp, int iterations, int warmUpHits, int hits,
        Path sourceRoot) {

    static final String USAGE = """
            usage: JvmTargetBenchmark [--quick] [--launches N] [--jit-warmup N] [--warmup N] [--deep-warmup N]
                                      [--iterations N] [--hits N] [--source-root DIR]
              --quick          a short run: 2 launches, 300 + 50 warm-up and 50 timed rounds, 2000 hits
              --launches N     debuggee launches per side for launch-to-first-breakpoint (default 3)
              --jit-warmup N   untimed refreshes and array pages (and N/2 1000-frame stacks) at one
                               stop before the timed phases (default 2000): dapkit runs far more code
                               in this JVM than the JDI loop, and the JIT compiles it only after
                               thousands of calls, which real steps alone take too long to reach
              --warmup N       untimed step+refresh rounds before the timed ones (default 12000:
                               the code of a step runs once per step, and HotSpot's optimizing
                               compiler takes a method only after thousands of calls; with 3000 it
                               still compiled for 0.2-0.7 s of the 1-2 s of timed rounds, with 500
                               for most of them. The benchmark prints how long it compiled)
              --deep-warmup N  untimed deep stops before the timed ones (default 3000)
              --iterations N   timed rounds of step+refresh, array pages, 1000-frame stacks (default 200)
              --hits N         conditional-breakpoint hits of the timed hot loop, after as many
                               untimed ones (default 5000; a quarter of that left the JIT
                               compiling through the timed loop)
              --source-root D  where dev/dapkit/bench/jvm/debuggee/BenchDebuggee.java lies
                               (default bench/src/main/java)""";

    static BenchOptions parse(String[] args) {
        boolean quick = false;
        Integer launches = null;
        Integer warmUp = null;
        Integer deepWarmUp = null;
        Integer jitWarmUp = null;
        Integer iterations = null;
        Integer hits = null;
        Path sourceRoot = Path.of("bench/src/main/java");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--launches" -> launches = number(args, ++i);
                case "--warmup" -> warmUp = number(args, ++i);
                case "--deep-warmup" -> deepWarmUp = number(args, ++i);
                case "--jit-warmup" -> jitWarmUp = number(args, ++i);
                case "--iterations" -> iterations = number(args, ++i);
                case "--hits" -> hits = number(args, ++i);
                case "--source-root" -> sourceRoot = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'\n" + USAGE);
            }
        }
        int n = iterations != null ? iterations : quick ? 50 : 200;
        int h = hits != null ? hits : quick ? 2000 : 5000;
        return new BenchOptions(launches != null ? launches : quick ? 2 : 3,
                jitWarmUp != null ? jitWarmUp : quick ? 300 : 2000, warmUp != null ? warmUp : quick ? 50 : 12_000,
                deepWarmUp != null ? deepWarmUp : quick ? 50 : 3000, n, h, h, sourceRoot);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option '" + args[i - 1] + "' needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int number(String[] args, int i) {
        String v = value(args, i);
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + args[i - 1] + "' needs a positive whole number, not '"
                    + v + "'\n" + USAGE);
        }
    }
}
