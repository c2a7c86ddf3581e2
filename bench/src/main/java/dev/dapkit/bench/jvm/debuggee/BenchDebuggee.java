package dev.dapkit.bench.jvm.debuggee;

/**
 * The program the JVM-target benchmark debugs, once with a hand-written JDI loop and once with
 * dapkit. Each phase has a line the benchmark stops on, marked with a {@code bench:} comment that
 * {@code DebuggeeLines} finds, so the benchmark never hard-codes a line number:
 * <ol>
 *   <li>{@code bench:step}: the first breakpoint, 27 frames deep (main, 25 {@code nest} frames,
 *       {@code work}), in a loop of straight-line statements that step-over walks through; its
 *       frame holds a few locals and {@code data}, a 100,000-element {@code int[]}.
 *   <li>{@code bench:deep}: the bottom of a 1000-frame recursion, reached once per round.
 *   <li>{@code bench:hot}: the body of a hot loop, for a conditional breakpoint on {@code i}, and
 *       {@code bench:hotEnd} after it; the loop runs twice (a warm-up, then the measured run).
 * </ol>
 * Arguments: the number of deep rounds, the warm-up hot loop's length, the measured one's.
 */
public final class BenchDebuggee {

    /** Where results go, so that no computation is dead code. */
    static long sink;

    private BenchDebuggee() {
    }

    public static void main(String[] args) {
        int deepRounds = Integer.parseInt(args[0]);
        int warmUpHits = Integer.parseInt(args[1]);
        int measuredHits = Integer.parseInt(args[2]);
        int[] data = new int[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 7;
        }
        nest(25, data);
        for (int round = 0; round < deepRounds; round++) {
            sink += deep(999);
        }
        hot(warmUpHits);
        hot(measuredHits);
        System.out.println("bench debuggee done: " + sink);
    }

    static void nest(int depth, int[] data) {
        if (depth > 1) {
            nest(depth - 1, data);
            return;
        }
        work(data);
    }

    static void work(int[] data) {
        long a = 1;
        long b = 2;
        double c = 0.5;
        String label = "bench";
        for (int k = 0; k < 1_000_000; k++) {
            a += k + data[k % data.length]; // bench:step
            b ^= a;
            c = c * 0.5 + b;
            label = k % 2 == 0 ? "even" : "odd";
        }
        sink += a + b + (long) c + label.length();
    }

    static long deep(int depth) {
        if (depth > 1) {
            return deep(depth - 1) + 1;
        }
        return depth; // bench:deep
    }

    static void hot(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += i; // bench:hot
        }
        sink += sum; // bench:hotEnd
    }
}
