package dev.dapkit.bench.jvm;

import java.util.Locale;

/** One line of the benchmark's table: a metric on both sides, their ratio and the goal. Immutable. */
record Row(String metric, String raw, String dapkit, double ratio, String verdict) {

    /** A row of durations, compared by their medians. */
    static Row times(String metric, Samples raw, Samples dapkit, Goal goal) {
        double ratio = dapkit.medianMillis() / raw.medianMillis();
        return new Row(metric, millis(raw), millis(dapkit), ratio, goal.verdict(ratio, dapkit.medianMillis()));
    }

    /** A row of dapkit's side only, e.g. one request of a refresh. */
    static Row dapkitOnly(String metric, Samples dapkit) {
        return new Row(metric, "", millis(dapkit), Double.NaN, "");
    }

    /** A row of rates (per second), compared by time per event. */
    static Row rates(String metric, double rawPerSecond, double dapkitPerSecond) {
        return new Row(metric, String.format(Locale.ROOT, "%,.0f /s", rawPerSecond),
                String.format(Locale.ROOT, "%,.0f /s", dapkitPerSecond), rawPerSecond / dapkitPerSecond, "");
    }

    private static String millis(Samples s) {
        return String.format(Locale.ROOT, "%s (%s) ms", number(s.medianMillis()), number(s.p90Millis()));
    }

    private static String number(double millis) {
        return String.format(Locale.ROOT, millis >= 100 ? "%.0f" : millis >= 10 ? "%.1f" : "%.2f", millis);
    }

    String format() {
        String shownRatio = Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f×", ratio);
        return String.format(Locale.ROOT, "%-36s %22s %22s %8s  %s", metric, raw, dapkit, shownRatio, verdict)
                .stripTrailing();
    }
}
