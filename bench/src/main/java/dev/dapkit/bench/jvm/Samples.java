package dev.dapkit.bench.jvm;

import java.util.Arrays;

/** Durations measured for one metric on one side, in nanoseconds. Not thread-safe. */
final class Samples {

    private long[] nanos = new long[16];
    private int size;

    void add(long duration) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = duration;
    }

    int size() {
        return size;
    }

    /** The median in milliseconds. */
    double medianMillis() {
        return percentile(50) / 1e6;
    }

    /** The 90th percentile in milliseconds. */
    double p90Millis() {
        return percentile(90) / 1e6;
    }

    private double percentile(int p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))];
    }
}
