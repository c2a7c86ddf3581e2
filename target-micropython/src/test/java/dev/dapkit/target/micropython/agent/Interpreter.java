package dev.dapkit.target.micropython.agent;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A Python the agent runs on in the tests: MicroPython's unix port built with settrace, or CPython. A
 * missing one skips its tests with a message naming how to get it, and fails them when {@code CI=true}
 * (CI builds and installs both).
 */
record Interpreter(String name, Path executable, boolean micropython) {

    private static final String BUILD_SCRIPT = "scripts/build-micropython.sh";

    /** Both interpreters, for {@code @MethodSource}; each test calls {@link #require()} first. */
    static Stream<Interpreter> all() {
        return Stream.of(micropythonBuild(), cpython());
    }

    /** MicroPython: {@code DAPKIT_MICROPYTHON}, else the build script's cache. */
    static Interpreter micropythonBuild() {
        String explicit = System.getenv("DAPKIT_MICROPYTHON");
        Path path;
        if (explicit != null && !explicit.isBlank()) {
            path = Path.of(explicit);
        } else {
            String cache = System.getenv("DAPKIT_CACHE");
            Path root = cache != null && !cache.isBlank() ? Path.of(cache)
                    : Path.of(System.getProperty("user.home"), ".cache", "dapkit");
            path = root.resolve("micropython-1.25.0-settrace").resolve("micropython");
        }
        return new Interpreter("micropython", path, true);
    }

    static Interpreter cpython() {
        for (String candidate : List.of("/usr/bin/python3", "/usr/local/bin/python3")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return new Interpreter("cpython", Path.of(candidate), false);
            }
        }
        return new Interpreter("cpython", Path.of("python3"), false);
    }

    /** Skips (or fails with CI=true) when this interpreter is not installed. */
    void require() {
        if (Files.isExecutable(executable)) {
            return;
        }
        String message = micropython
                ? "MicroPython with settrace not found at " + executable + "; run " + BUILD_SCRIPT
                        + " (or set DAPKIT_MICROPYTHON)"
                : "CPython not found (" + executable + "); install the Debian package python3";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: a missing interpreter fails instead of skipping)");
        }
        Assumptions.abort(message);
    }

    /** The environment that puts the agent's folder on this interpreter's module path. */
    String pathVariable() {
        return micropython ? "MICROPYPATH" : "PYTHONPATH";
    }

    String pathValue(Path agentDir) {
        return micropython ? agentDir + ":.frozen" : agentDir.toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
