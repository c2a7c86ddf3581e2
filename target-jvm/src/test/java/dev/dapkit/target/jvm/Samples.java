package dev.dapkit.target.jvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample programs of {@code dev.dapkit.target.jvm.samples}: where their compiled classes and
 * their sources are, the {@code launch} arguments that run one, and the lines of their landmarks
 * (a comment {@code // @NAME} on the line). Stateless.
 */
final class Samples {

    static final String PACKAGE = "dev.dapkit.target.jvm.samples";
    /** Temurin 25, for the tests that need a newer debuggee than the JDK running the build. */
    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private Samples() {
    }

    /** The compiled test classes (the samples' class path). */
    static Path classes() {
        try {
            return Path.of(Samples.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the test classes have no file location", e);
        }
    }

    /** The folder of the test sources (the samples' source path). */
    static Path sourceRoot() {
        return Path.of("src", "test", "java").toAbsolutePath();
    }

    /** The source file of a sample, as a client names it. */
    static String path(String sample) {
        return sourceRoot().resolve(PACKAGE.replace('.', '/')).resolve(sample + ".java").toString();
    }

    /** The line of {@code // @name} in a sample. */
    static int line(String sample, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of(path(sample)));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("// @" + name)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("sample " + sample + " has no landmark @" + name);
    }

    /** The {@code launch} arguments that run a sample, with extra keys. */
    static Map<String, Object> launch(String sample, Object... extra) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("mainClass", PACKAGE + "." + sample);
        arguments.put("classPaths", List.of(classes().toString()));
        arguments.put("sourcePaths", List.of(sourceRoot().toString()));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            arguments.put((String) extra[i], extra[i + 1]);
        }
        return arguments;
    }

    /**
     * The command that runs a sample without a debugger, its debug agent listening on {@code port}
     * (a fixed port: an agent whose debugger detached listens again on the port it was given, a new
     * one each time if it was given 0).
     */
    static List<String> listeningCommand(String sample, int port) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:" + port);
        command.add("-cp");
        command.add(classes().toString());
        command.add(PACKAGE + "." + sample);
        return command;
    }
}
