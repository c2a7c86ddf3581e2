package dev.dapkit.bench.jvm;

import dev.dapkit.bench.jvm.debuggee.BenchDebuggee;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to start {@link BenchDebuggee} and where its marked lines are: the {@code java} executable of
 * the running JVM, the class path that holds the debuggee (the benchmark's own jar or classes
 * folder), its source file, and the line of each {@code // bench:name} comment in it. Immutable.
 *
 * @param javaExec the {@code java} executable
 * @param classPath the class path entry holding the debuggee
 * @param sourceRoot the folder under which {@code dev/dapkit/...} sources lie
 * @param sourceFile the debuggee's source file
 * @param lines the line of each marker, by name ({@code step}, {@code deep}, {@code hot}, {@code hotEnd})
 * @param args the debuggee's arguments
 */
record DebuggeeProgram(String javaExec, String classPath, Path sourceRoot, Path sourceFile,
        Map<String, Integer> lines, List<String> args) {

    private static final Pattern MARKER = Pattern.compile("//\\s*bench:(\\w+)\\s*$");

    DebuggeeProgram {
        lines = Map.copyOf(lines);
        args = List.copyOf(args);
    }

    static String mainClass() {
        return BenchDebuggee.class.getName();
    }

    /** The program under {@code sourceRoot}, run with the given phase sizes. */
    static DebuggeeProgram of(Path sourceRoot, int deepRounds, int warmUpHits, int measuredHits) {
        Path file = sourceRoot.resolve(mainClass().replace('.', '/') + ".java").toAbsolutePath().normalize();
        Map<String, Integer> lines = new HashMap<>();
        try {
            List<String> text = Files.readAllLines(file);
            for (int i = 0; i < text.size(); i++) {
                Matcher m = MARKER.matcher(text.get(i));
                if (m.find()) {
                    lines.put(m.group(1), i + 1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the debuggee's source " + file
                    + " (run from the repository root, or pass --source-root)", e);
        }
        for (String marker : List.of("step", "deep", "hot", "hotEnd")) {
            if (!lines.containsKey(marker)) {
                throw new IllegalStateException("no '// bench:" + marker + "' line in " + file);
            }
        }
        String classPath;
        try {
            classPath = Path.of(BenchDebuggee.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the debuggee's class was loaded from", e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new DebuggeeProgram(java, classPath, sourceRoot.toAbsolutePath().normalize(), file, lines,
                List.of(Integer.toString(deepRounds), Integer.toString(warmUpHits), Integer.toString(measuredHits)));
    }

    int line(String marker) {
        return lines.get(marker);
    }
}
