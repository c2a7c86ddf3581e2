package dev.dapkit.target.micropython;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.RequestArguments;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.target.micropython.internal.InterpreterLocator;
import dev.dapkit.target.micropython.internal.MicroPythonErrors;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code launch} arguments of the {@code micropython} target: runs a program on the unix port
 * of MicroPython (or on CPython) with the dapkit agent, e.g.
 * <pre>{@code
 * {"program": "/work/app/main.py", "args": ["-v"], "cwd": "/work/app", "env": {"DEBUG": "1"},
 *  "python": "/opt/micropython/micropython", "stopOnEntry": false}
 * }</pre>
 * Keys the target does not know (and the engine's own, {@code pathMappings} and {@code secret})
 * are ignored.
 *
 * <p>Immutable and thread-safe.
 *
 * @param program the script to run
 * @param args its arguments ({@code sys.argv[1:]})
 * @param cwd the working directory, or null for the server's own
 * @param env variables added to (or, with a null value, removed from) the server's environment
 * @param python the interpreter: {@code python}, else the environment variable
 *     {@code DAPKIT_MICROPYTHON}, else the MicroPython that {@code scripts/build-micropython.sh}
 *     caches ({@code ~/.cache/dapkit/micropython-1.25.0-settrace/micropython}, or under
 *     {@code DAPKIT_CACHE}), else {@code micropython} on the {@code PATH}
 * @param stopOnEntry whether to stop at the program's first line (reason {@code entry})
 * @param timeoutMillis how long the interpreter may take to start and dial back ({@code timeout}; 10000)
 */
public record MicroPythonLaunchConfiguration(String program, List<String> args, String cwd, Map<String, String> env,
        String python, boolean stopOnEntry, int timeoutMillis) {

    public MicroPythonLaunchConfiguration {
        Objects.requireNonNull(program, "program");
        args = List.copyOf(args);
        // a null value removes a variable, which Map.copyOf cannot hold
        env = Collections.unmodifiableMap(new HashMap<>(env));
        Objects.requireNonNull(python, "python");
    }

    /**
     * Reads the {@code launch} arguments.
     *
     * @throws TargetException naming the key that is missing or of the wrong type
     */
    public static MicroPythonLaunchConfiguration from(RawJson arguments) throws TargetException {
        RequestArguments read = RequestArguments.of("launch", arguments, MicroPythonErrors::badArguments);
        String program = read.requiredString("program", "the script to run, e.g. \"/work/app/main.py\"");
        String python = read.optionalString("python");
        int timeout = read.integer("timeout", 10_000);
        if (timeout < 0) {
            throw read.invalid("timeout", "a number of milliseconds, 0 or more");
        }
        List<String> args = read.strings("args", one -> Arrays.asList(one.trim().split("\\s+")));
        return new MicroPythonLaunchConfiguration(program, args, read.optionalString("cwd"),
                read.stringMap("env"), python == null || python.isBlank() ? InterpreterLocator.defaultInterpreter() : python,
                read.bool("stopOnEntry", false), timeout);
    }
}
