package dev.dapkit.target.jvm;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.RequestArguments;
import dev.dapkit.target.jvm.internal.JvmArguments;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code launch} arguments of the {@code jvm} target, with the names VS Code's Java debugger
 * uses, e.g.
 * <pre>{@code
 * {"mainClass": "com.example.Main", "classPaths": ["build/classes"], "args": ["-v"],
 *  "vmArgs": "-Xmx512m", "cwd": "/work", "env": {"LANG": "C"}, "stopOnEntry": false,
 *  "sourcePaths": ["src/main/java"], "console": "internalConsole"}
 * }</pre>
 * Keys the target does not know (and the engine's own, {@code pathMappings} and {@code secret})
 * are ignored.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mainClass the class whose {@code main} runs, e.g. {@code com.example.Main}; with
 *     {@code modulePaths}, {@code module/com.example.Main} runs it as {@code -m module/class}
 * @param classPaths the class path entries ({@code classPaths}, or {@code classPath}; a list or one
 *     string with the platform's path separator)
 * @param modulePaths the module path entries ({@code modulePaths}; a list or one string)
 * @param args the program's arguments (a list, or one string split at blanks, with quotes kept together)
 * @param vmArgs the JVM's options, before the main class (a list or one string)
 * @param cwd the working directory of the debuggee, or null for the server's own
 * @param env variables added to (or, with a null value, removed from) the server's environment
 * @param stopOnEntry whether to stop at the first line of {@code main} (reason {@code entry})
 * @param javaExec the {@code java} executable: {@code javaExec}, else {@code javaHome}'s
 *     {@code bin/java}, else the JVM running the server
 * @param console where the program's standard streams go
 * @param sourcePaths the folders holding the program's sources ({@code com/example/Main.java}
 *     under them), used to show frames in their files and to place breakpoints
 */
public record JvmLaunchConfiguration(String mainClass, List<String> classPaths, List<String> modulePaths,
        List<String> args, List<String> vmArgs, String cwd, Map<String, String> env, boolean stopOnEntry,
        String javaExec, Console console, List<String> sourcePaths) {

    public JvmLaunchConfiguration {
        Objects.requireNonNull(mainClass, "mainClass");
        classPaths = List.copyOf(classPaths);
        modulePaths = List.copyOf(modulePaths);
        args = List.copyOf(args);
        vmArgs = List.copyOf(vmArgs);
        // a null value removes a variable, which Map.copyOf cannot hold
        env = java.util.Collections.unmodifiableMap(new HashMap<>(env));
        Objects.requireNonNull(javaExec, "javaExec");
        Objects.requireNonNull(console, "console");
        sourcePaths = List.copyOf(sourcePaths);
    }

    /** Where the debuggee's standard streams go: DAP's {@code console} launch key. */
    public enum Console {
        /** {@code internalConsole}: stdout and stderr become {@code output} events; stdin is empty. */
        INTERNAL_CONSOLE,
        /** {@code integratedTerminal}: the client runs the debuggee in its terminal ({@code runInTerminal}). */
        INTEGRATED_TERMINAL,
        /** {@code externalTerminal}: the client runs the debuggee in a terminal window of its own. */
        EXTERNAL_TERMINAL
    }

    /**
     * Reads the {@code launch} arguments.
     *
     * @throws TargetException naming the key that is missing or of the wrong type
     */
    public static JvmLaunchConfiguration from(RawJson arguments) throws TargetException {
        RequestArguments read = JvmArguments.read("launch", arguments);
        String mainClass = read.requiredString("mainClass", "the class whose main method runs, e.g. \"com.example.Main\"");
        List<String> classPaths = JvmArguments.paths(read, read.has("classPaths") ? "classPaths" : "classPath");
        String javaExec = read.optionalString("javaExec");
        if (javaExec == null) {
            String javaHome = read.optionalString("javaHome");
            javaExec = JvmArguments.javaOf(javaHome == null ? System.getProperty("java.home") : javaHome);
        }
        Console console = switch (read.optionalString("console") == null ? "internalConsole" : read.optionalString("console")) {
            case "internalConsole" -> Console.INTERNAL_CONSOLE;
            case "integratedTerminal" -> Console.INTEGRATED_TERMINAL;
            case "externalTerminal" -> Console.EXTERNAL_TERMINAL;
            default -> throw read.invalid("console", "one of \"internalConsole\", \"integratedTerminal\", \"externalTerminal\"");
        };
        return new JvmLaunchConfiguration(mainClass, classPaths, JvmArguments.paths(read, "modulePaths"),
                JvmArguments.commandLine(read, "args"), JvmArguments.commandLine(read, "vmArgs"), read.optionalString("cwd"), read.stringMap("env"),
                read.bool("stopOnEntry", false), javaExec, console, JvmArguments.paths(read, "sourcePaths"));
    }
}
