package dev.dapkit.target.jvm.internal;

import dev.dapkit.target.jvm.JvmLaunchConfiguration;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line that starts a debuggee: {@code java}, the debug agent connecting back to the
 * target, the JVM options, the class or module path, the main class and the program's arguments.
 * Stateless.
 */
final class JavaCommand {

    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");

    /** The first Java release whose debug agent can list virtual threads. */
    private static final int VIRTUAL_THREADS = 21;

    private JavaCommand() {
    }

    /**
     * The command.
     *
     * @param agentAddress where the debuggee's agent connects, {@code host:port}
     */
    static List<String> of(JvmLaunchConfiguration config, String agentAddress) {
        List<String> command = new ArrayList<>();
        command.add(config.javaExec());
        String agent = "-agentlib:jdwp=transport=dt_socket,server=n,suspend=y,address=" + agentAddress;
        if (featureVersion(config.javaExec()).orElse(0) >= VIRTUAL_THREADS) {
            agent += ",includevirtualthreads=y";
        }
        command.add(agent);
        command.addAll(config.vmArgs());
        if (!config.classPaths().isEmpty()) {
            command.add("-cp");
            command.add(String.join(File.pathSeparator, config.classPaths()));
        }
        boolean modular = !config.modulePaths().isEmpty();
        if (modular) {
            command.add("--module-path");
            command.add(String.join(File.pathSeparator, config.modulePaths()));
        }
        if (modular && config.mainClass().contains("/")) {
            command.add("-m");
        }
        command.add(config.mainClass());
        command.addAll(config.args());
        return command;
    }

    /** The main class's binary name, without a {@code module/} prefix. */
    static String mainClassName(JvmLaunchConfiguration config) {
        String main = config.mainClass();
        return main.substring(main.indexOf('/') + 1);
    }

    /**
     * The feature version (17, 21, 25, ...) of the Java runtime of a {@code java} executable, from
     * the {@code release} file of its home; empty when it cannot be told.
     */
    static OptionalInt featureVersion(String javaExec) {
        try {
            Path home = Path.of(javaExec).toRealPath().getParent().getParent();
            Path release = home.resolve("release");
            if (!Files.isRegularFile(release)) {
                return OptionalInt.empty();
            }
            Matcher m = RELEASE_VERSION.matcher(Files.readString(release));
            return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
