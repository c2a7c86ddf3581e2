package dev.dapkit.server.internal;

import org.eclipse.lsp4j.debug.InitializeRequestArguments;

/**
 * What the client said about itself in {@code initialize}: its line and column base, path
 * format, and the optional features it supports. Until {@code initialize} arrives, DAP's defaults.
 *
 * <p>Thread-safe: set once on the session thread, read anywhere.
 */
final class ClientProfile {

    private volatile InitializeRequestArguments arguments = new InitializeRequestArguments();
    private volatile LineConverter lines = LineConverter.ONE_BASED;

    void set(InitializeRequestArguments arguments) {
        this.arguments = arguments;
        this.lines = LineConverter.of(arguments.getLinesStartAt1(), arguments.getColumnsStartAt1());
    }

    /** The initialize arguments; never null. */
    InitializeRequestArguments arguments() {
        return arguments;
    }

    LineConverter lines() {
        return lines;
    }

    boolean supportsProgressReporting() {
        return Boolean.TRUE.equals(arguments.getSupportsProgressReporting());
    }

    boolean supportsRunInTerminal() {
        return Boolean.TRUE.equals(arguments.getSupportsRunInTerminalRequest());
    }

    boolean supportsStartDebugging() {
        return Boolean.TRUE.equals(arguments.getSupportsStartDebuggingRequest());
    }

    /** Whether paths are {@code file:} URIs rather than native paths. */
    boolean usesUris() {
        return "uri".equals(arguments.getPathFormat());
    }
}
