package dev.dapkit.server.spi;

/** Why an expression is evaluated: DAP's {@code EvaluateArguments.context}, plus the engine's own uses. */
public enum EvaluationContext {
    /** A watch expression. */
    WATCH,
    /** Typed into the debug console. */
    REPL,
    /** The mouse hovers over it in the editor. */
    HOVER,
    /** The value is copied to the clipboard (show it whole). */
    CLIPBOARD,
    /** A variable's value in the variables view. */
    VARIABLES,
    /** A breakpoint condition, tested by the engine. */
    BREAKPOINT_CONDITION,
    /** A part of a logpoint message, filled in by the engine. */
    LOG_MESSAGE,
    /** A context the client named that DAP does not define. */
    OTHER
}
