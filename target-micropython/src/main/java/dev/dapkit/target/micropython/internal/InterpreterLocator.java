package dev.dapkit.target.micropython.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the interpreter a {@code launch} runs when the client names none: the environment
 * variable {@code DAPKIT_MICROPYTHON}, else the MicroPython with settrace that
 * {@code scripts/build-micropython.sh} caches, else {@code micropython} on the {@code PATH}.
 * Stateless.
 */
public final class InterpreterLocator {

    /** The folder, under the cache, of the MicroPython build with settrace. */
    public static final String CACHED_BUILD = "micropython-1.25.0-settrace";

    private InterpreterLocator() {
    }

    public static String defaultInterpreter() {
        String configured = System.getenv("DAPKIT_MICROPYTHON");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path cached = cachedMicroPython();
        return Files.isExecutable(cached) ? cached.toString() : "micropython";
    }

    /** Where {@code scripts/build-micropython.sh} leaves the binary: {@code $DAPKIT_CACHE} or {@code ~/.cache/dapkit}. */
    public static Path cachedMicroPython() {
        String cache = System.getenv("DAPKIT_CACHE");
        Path root = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "dapkit");
        return root.resolve(CACHED_BUILD).resolve("micropython");
    }
}
