package dev.dapkit.bench.jvm;

import java.util.Locale;

/**
 * A target figure of issue 5 for one metric, and whether a run met it. Immutable.
 *
 * @param maxRatio the largest dapkit/raw ratio allowed, or NaN
 * @param maxDapkitMillis the largest dapkit median allowed in milliseconds, or NaN
 */
record Goal(double maxRatio, double maxDapkitMillis) {

    static final Goal NONE = new Goal(Double.NaN, Double.NaN);

    static Goal ratio(double max) {
        return new Goal(max, Double.NaN);
    }

    static Goal millis(double max) {
        return new Goal(Double.NaN, max);
    }

    /** The goal and the verdict, e.g. {@code ≤ 1.5× met}; empty when there is no goal. */
    String verdict(double ratio, double dapkitMillis) {
        if (!Double.isNaN(maxRatio)) {
            return String.format(Locale.ROOT, "≤ %.1f× %s", maxRatio, ratio <= maxRatio ? "met" : "MISSED");
        }
        if (!Double.isNaN(maxDapkitMillis)) {
            return String.format(Locale.ROOT, "< %.0f ms %s", maxDapkitMillis,
                    dapkitMillis < maxDapkitMillis ? "met" : "MISSED");
        }
        return "";
    }
}
