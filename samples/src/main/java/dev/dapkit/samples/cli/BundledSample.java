package dev.dapkit.samples.cli;

import dev.dapkit.samples.demo.Inventory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The program {@code dapkit demo} debugs ({@link Inventory}), copied from the class path (the
 * samples jar or {@code target/classes}) into a temporary folder: its class under
 * {@code classes/}, its source under {@code sources/}, laid out by package, so that the JVM
 * target launches it with {@code classPaths} and finds its file through {@code sourcePaths}
 * wherever dapkit runs from. {@link #close()} deletes the folder.
 *
 * <p>Immutable once extracted; thread-safe.
 */
final class BundledSample implements AutoCloseable {

    static final String MAIN_CLASS = Inventory.class.getName();
    private static final String PACKAGE_PATH = Inventory.class.getPackageName().replace('.', '/');
    private static final String SIMPLE_NAME = Inventory.class.getSimpleName();

    private final Path root;
    private final Path classes;
    private final Path sources;
    private final Path sourceFile;
    private final List<String> lines;

    private BundledSample(Path root) throws IOException {
        this.root = root;
        this.classes = root.resolve("classes");
        this.sources = root.resolve("sources");
        copy(SIMPLE_NAME + ".class", classes.resolve(PACKAGE_PATH));
        this.sourceFile = copy(SIMPLE_NAME + ".java", sources.resolve(PACKAGE_PATH));
        this.lines = Files.readAllLines(sourceFile, StandardCharsets.UTF_8);
    }

    /**
     * Copies the sample into a new temporary folder.
     *
     * @throws IOException when the folder cannot be written, or the class path lacks the sample
     *     (a samples jar built without its {@code .java} resource)
     */
    static BundledSample extract() throws IOException {
        Path root = Files.createTempDirectory("dapkit-demo-");
        try {
            return new BundledSample(root);
        } catch (IOException | RuntimeException e) {
            deleteTree(root);
            throw e;
        }
    }

    /** The folder holding the sample's class files, for {@code classPaths}. */
    Path classes() {
        return classes;
    }

    /** The folder holding the sample's sources, for {@code sourcePaths}. */
    Path sources() {
        return sources;
    }

    /** The sample's {@code .java} file, as breakpoints name it. */
    Path sourceFile() {
        return sourceFile;
    }

    /**
     * The 1-based number of the first line whose code, without indentation, starts with {@code code}.
     *
     * @throws IllegalStateException when no line does (the sample was edited and the demo not)
     */
    int lineOf(String code) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(code)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no line of " + sourceFile + " starts with '" + code
                + "'; the demo sets its breakpoints by this text");
    }

    /** The JVM target's {@code launch} arguments that run the sample, its output as {@code output} events. */
    Map<String, Object> launchArguments() {
        return Map.of(
                "mainClass", MAIN_CLASS,
                "classPaths", List.of(classes.toString()),
                "sourcePaths", List.of(sources.toString()),
                "console", "internalConsole");
    }

    @Override
    public void close() {
        deleteTree(root);
    }

    private static Path copy(String resource, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(resource);
        try (InputStream in = Inventory.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the class path has no " + PACKAGE_PATH + "/" + resource + " beside "
                        + MAIN_CLASS + " (from " + Inventory.class.getProtectionDomain().getCodeSource() + ")");
            }
            Files.copy(in, file);
        }
        return file;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is no reason to fail the demo
        }
    }
}
