package dev.dapkit.server.internal;

import dev.dapkit.server.spi.TargetException;

/**
 * Serves one command on the session thread.
 *
 * @param <A> the type the request's arguments are bound to
 */
@FunctionalInterface
interface CommandHandler<A> {

    /** Returned by a handler that answers later itself (a launch waits for configurationDone). */
    Object DEFERRED = new Object() {
        @Override
        public String toString() {
            return "DEFERRED";
        }
    };

    /**
     * @return the response body (null for none), or {@link #DEFERRED} when the handler has arranged
     *     to answer {@code request} itself
     */
    Object handle(PendingRequest request, A arguments) throws TargetException;
}
