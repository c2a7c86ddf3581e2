package dev.dapkit.server.internal;

/** What must have happened in a session before a command may run. */
enum Requirement {
    /** Nothing: {@code initialize} itself. */
    NONE,
    /** {@code initialize}: configuration, {@code launch}, {@code attach}, {@code disconnect}. */
    INITIALIZED,
    /** {@code launch} or {@code attach}: everything that asks the debuggee. */
    LAUNCHED
}
