package dev.dapkit.target.jvm.internal.eval;

import java.util.concurrent.CompletableFuture;

/**
 * A method invocation that outlived its timeout and still runs in the debuggee.
 *
 * @param what the call as messages name it, e.g. {@code toString()}
 * @param done completes (normally or not) when the debuggee returns from the call
 */
record PendingInvocation(String what, CompletableFuture<?> done) {}
