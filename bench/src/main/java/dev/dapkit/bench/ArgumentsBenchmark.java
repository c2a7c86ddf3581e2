package dev.dapkit.bench;

import dev.dapkit.model.DapJson;
import dev.dapkit.model.RawJson;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * A request's arguments bound as the server binds them: {@code bindChecked}, one read that checks
 * DAP's required fields on the way; {@code treeThenBind}, what the server did before (a Jackson tree
 * to look for missing fields in, then the bind; the walk over the tree is left out, so the old cost
 * is if anything understated); and {@code bind}, the bind alone with nothing checked. {@link #main}
 * runs them and prints the ratios; JMH options on the command line pass through.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ArgumentsBenchmark {

    /** Arguments as VS Code sends them. */
    public enum Sample {
        STACK_TRACE(StackTraceArguments.class, "{\"threadId\":1,\"startFrame\":0,\"levels\":20}"),
        VARIABLES(VariablesArguments.class, "{\"variablesReference\":1000,\"start\":0,\"count\":100}"),
        SET_BREAKPOINTS(SetBreakpointsArguments.class, "{\"source\":{\"name\":\"Main.java\",\"path\":"
                + "\"/home/dev/project/src/main/java/com/example/Main.java\"},\"lines\":[10,20,30],\"breakpoints\":"
                + "[{\"line\":10},{\"line\":20,\"condition\":\"i > 3\"},{\"line\":30}],\"sourceModified\":false}");

        final Class<?> type;
        final String json;

        Sample(Class<?> type, String json) {
            this.type = type;
            this.json = json;
        }
    }

    @Param({"STACK_TRACE", "VARIABLES", "SET_BREAKPOINTS"})
    public Sample arguments;

    private RawJson raw;
    private Class<?> type;

    @Setup(Level.Trial)
    public void setUp() {
        raw = RawJson.parse(arguments.json);
        type = arguments.type;
    }

    @Benchmark
    public Object bindChecked() {
        return DapJson.standard().bindChecked(raw, type);
    }

    @Benchmark
    public Object treeThenBind() {
        return raw.tree().isObject() ? DapJson.standard().bind(raw, type) : null;
    }

    @Benchmark
    public Object bind() {
        return DapJson.standard().bind(raw, type);
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(ArgumentsBenchmark.class.getName())
                .build()).run();
        Map<String, Map<String, Double>> bySample = new TreeMap<>();
        String unit = "";
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            bySample.computeIfAbsent(r.getParams().getParam("arguments"), k -> new TreeMap<>())
                    .put(method.substring(method.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
            unit = r.getPrimaryResult().getScoreUnit();
        }
        System.out.println();
        System.out.println("Arguments, time per bind (" + unit + "); ratio = before (tree, then bind) / now (bindChecked)");
        System.out.printf(Locale.ROOT, "%-16s %12s %12s %12s %8s%n", "arguments", "bindChecked", "tree+bind", "bind", "ratio");
        bySample.forEach((sample, t) -> System.out.printf(Locale.ROOT, "%-16s %12.1f %12.1f %12.1f %7.2fx%n", sample,
                t.get("bindChecked"), t.get("treeThenBind"), t.get("bind"), t.get("treeThenBind") / t.get("bindChecked")));
    }
}
