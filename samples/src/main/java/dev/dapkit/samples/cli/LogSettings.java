package dev.dapkit.samples.cli;

import java.nio.file.Path;

/**
 * Configures the SLF4J binding of the command line (slf4j-simple) through its system properties,
 * which it reads once, when the first logger is made: so these run before any dapkit class logs.
 * Standard error by default, never standard output, which {@code serve --stdio} uses for DAP.
 * A property the user set with {@code -D} wins over the defaults here.
 *
 * <p>Not thread-safe: called from {@code main} before anything else runs.
 */
final class LogSettings {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private LogSettings() {
    }

    /** Warnings and errors only, on standard error, in one short line each. */
    static void applyDefaults() {
        setUnlessGiven("defaultLogLevel", "warn");
        setUnlessGiven("logFile", "System.err");
        setUnlessGiven("showThreadName", "false");
        setUnlessGiven("showShortLogName", "true");
        setUnlessGiven("levelInBrackets", "true");
    }

    /** Debug output from dapkit's classes, info from libraries ({@code --verbose}), with thread names and times. */
    static void verbose() {
        System.setProperty(PREFIX + "defaultLogLevel", "info");
        System.setProperty(PREFIX + "log.dev.dapkit", "debug");
        System.setProperty(PREFIX + "showThreadName", "true");
        System.setProperty(PREFIX + "showDateTime", "true");
        System.setProperty(PREFIX + "dateTimeFormat", "HH:mm:ss.SSS");
    }

    /** Log to {@code file} (appended) instead of standard error ({@code --log-file}). */
    static void toFile(Path file) {
        System.setProperty(PREFIX + "logFile", file.toAbsolutePath().toString());
    }

    private static void setUnlessGiven(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
