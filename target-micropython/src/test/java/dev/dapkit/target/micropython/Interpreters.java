package dev.dapkit.target.micropython;

import static org.junit.jupiter.api.Assertions.fail;

import dev.dapkit.target.micropython.internal.InterpreterLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The interpreters the end-to-end tests run the agent on: MicroPython's unix port with settrace
 * (env {@code DAPKIT_MICROPYTHON}, else the cache of {@code scripts/build-micropython.sh}) and
 * CPython ({@code /usr/bin/python3}). A missing one skips the test locally and fails it when
 * {@code CI=true}. Stateless.
 */
final class Interpreters {

    private Interpreters() {
    }

    /** One interpreter the tests can run. */
    enum Kind {
        MICROPYTHON,
        CPYTHON
    }

    static String path(Kind kind) {
        return kind == Kind.MICROPYTHON ? microPython() : cpython();
    }

    static String microPython() {
        String configured = System.getenv("DAPKIT_MICROPYTHON");
        Path binary = configured != null && !configured.isBlank() ? Path.of(configured)
                : InterpreterLocator.cachedMicroPython();
        require(Files.isExecutable(binary), "MicroPython with settrace is not at " + binary
                + "; build it with scripts/build-micropython.sh (or set DAPKIT_MICROPYTHON)");
        return binary.toString();
    }

    static String cpython() {
        Path python = Path.of("/usr/bin/python3");
        require(Files.isExecutable(python), "CPython is not at " + python + "; install the Debian package python3");
        return python.toString();
    }

    private static void require(boolean available, String message) {
        if (available) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: a missing interpreter fails instead of skipping)");
        }
        Assumptions.abort(message);
    }
}
