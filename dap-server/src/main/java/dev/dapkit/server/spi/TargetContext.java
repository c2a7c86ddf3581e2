package dev.dapkit.server.spi;

import org.eclipse.lsp4j.debug.InitializeRequestArguments;

/**
 * What the engine gives a target when it creates it. Thread-safe.
 */
public interface TargetContext {

    /** Where the target reports what happens in the debuggee; callable from any thread. */
    TargetEvents events();

    /** The client's {@code initialize} arguments: who it is and what it supports. */
    InitializeRequestArguments client();

    /** Requests the target may send to the client, when the client supports them. */
    ReverseRequests reverseRequests();
}
