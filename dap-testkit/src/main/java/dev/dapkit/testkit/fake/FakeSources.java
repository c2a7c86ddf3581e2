package dev.dapkit.testkit.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where the files of a fake program come from: the text of a file by its target path (the path the
 * debuggee sees, e.g. {@code /remote/app/main.fake}). Sources given in code let a test define its
 * program inline; {@link #fileSystem()} reads real files.
 *
 * <p>Immutable and thread-safe.
 */
public final class FakeSources {

    private final Function<String, Optional<String>> lookup;
    private final String description;

    private FakeSources(Function<String, Optional<String>> lookup, String description) {
        this.lookup = lookup;
        this.description = description;
    }

    /** The given files, target path to text. */
    public static FakeSources of(Map<String, String> files) {
        Map<String, String> copy = new TreeMap<>(files);
        return new FakeSources(path -> Optional.ofNullable(copy.get(path)), "the files " + copy.keySet());
    }

    /** One file. */
    public static FakeSources of(String path, String text) {
        return of(Map.of(path, text));
    }

    /** The files of the real file system, read as UTF-8 when asked for; a target path is a local path. */
    public static FakeSources fileSystem() {
        return new FakeSources(FakeSources::readFile, "the file system");
    }

    private static Optional<String> readFile(String path) {
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fake program file " + file, e);
        }
    }

    /** These sources, falling back to {@code fallback} for a path they do not have. */
    public FakeSources or(FakeSources fallback) {
        Objects.requireNonNull(fallback, "fallback");
        return new FakeSources(path -> read(path).or(() -> fallback.read(path)), description + ", then " + fallback);
    }

    /** These sources with one more file, which wins over one of the same path. */
    public FakeSources with(String path, String text) {
        return of(path, text).or(this);
    }

    /** The text of the file at {@code path}, or empty when there is none. */
    public Optional<String> read(String path) {
        return lookup.apply(path);
    }

    /** What these sources are, for error messages, e.g. {@code the files [/remote/app/main.fake]}. */
    @Override
    public String toString() {
        return description;
    }
}
