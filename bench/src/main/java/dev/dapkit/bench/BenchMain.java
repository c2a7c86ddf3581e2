package dev.dapkit.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the codec benchmark and prints, per message, how many times longer LSP4J takes than
 * dapkit to encode and to decode. JMH options on the command line pass through (e.g. {@code -f 2}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(CodecBenchmark.class.getName())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        printRatios(results);
    }

    private static void printRatios(Collection<RunResult> results) {
        TreeMap<String, double[]> byMessage = new TreeMap<>();
        String unit = "";
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String message = r.getParams().getParam("message");
            double score = r.getPrimaryResult().getScore();
            unit = r.getPrimaryResult().getScoreUnit();
            double[] row = byMessage.computeIfAbsent(message, k -> new double[5]);
            switch (method) {
                case "dapkitEncode" -> row[0] = score;
                case "lsp4jEncode" -> row[1] = score;
                case "dapkitDecode" -> row[2] = score;
                case "lsp4jDecode" -> row[3] = score;
                case "dapkitDecodeExpected" -> row[4] = score;
                default -> { }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-16s %12s %12s %8s %12s %12s %8s %8s %14s %8s",
                "message", "dapkit enc", "lsp4j enc", "ratio", "dapkit dec", "lsp4j dec", "ratio", "both",
                "dec type known", "ratio"));
        for (var e : byMessage.entrySet()) {
            double[] r = e.getValue();
            lines.add(String.format(Locale.ROOT, "%-16s %12.3f %12.3f %7.2fx %12.3f %12.3f %7.2fx %7.2fx %14.3f %7.2fx",
                    e.getKey(), r[0], r[1], r[1] / r[0], r[2], r[3], r[3] / r[2], (r[1] + r[3]) / (r[0] + r[2]),
                    r[4], r[3] / r[4]));
        }
        System.out.println();
        System.out.println("Codec, time per message (" + unit + "); ratio = LSP4J time / dapkit time, higher is better for dapkit;"
                + " \"dec type known\": dapkit's decode when the receiver names the body's type (ExpectedBodies), as its client does");
        lines.forEach(System.out::println);
    }
}
