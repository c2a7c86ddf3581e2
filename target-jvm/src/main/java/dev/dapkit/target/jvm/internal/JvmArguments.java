package dev.dapkit.target.jvm.internal;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.RequestArguments;
import dev.dapkit.server.spi.TargetException;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The forms VS Code's Java users write in {@code launch} and {@code attach} arguments, read with the
 * JVM target's error for bad arguments: paths as a list or one string with the platform's path
 * separator, command lines as a list or one string split at blanks (quotes keep blanks). Stateless.
 */
public final class JvmArguments {

    private JvmArguments() {
    }

    /** A reader of the arguments of {@code request} ({@code launch} or {@code attach}). */
    public static RequestArguments read(String request, RawJson arguments) {
        return RequestArguments.of(request, arguments, JvmErrors::badArguments);
    }

    /** Paths: a list, or one string with the platform's path separator; empty when absent. */
    public static List<String> paths(RequestArguments read, String key) throws TargetException {
        return read.strings(key, one -> Arrays.asList(one.split(File.pathSeparator)));
    }

    /** A command line: a list, or one string split at blanks with quotes kept together; empty when absent. */
    public static List<String> commandLine(RequestArguments read, String key) throws TargetException {
        return read.strings(key, CommandLineSplitter::split);
    }

    /** The {@code java} executable of a JDK or JRE home folder. */
    public static String javaOf(String javaHome) {
        boolean windows = File.separatorChar == '\\';
        return Path.of(javaHome, "bin", windows ? "java.exe" : "java").toString();
    }
}
