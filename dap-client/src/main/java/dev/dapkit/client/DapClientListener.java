package dev.dapkit.client;

import dev.dapkit.model.Event;
import dev.dapkit.model.Response;

/**
 * Hears about a client's life as a whole; every method has an empty default. Given to
 * {@link DapClientBuilder#listener}.
 *
 * <h2>Threading</h2>
 * Methods are called one at a time, in the order things happened, on the client's executor
 * (never on the thread that reads from the connection), on the same ordered lane as event
 * subscriptions: {@link #eventReceived} for an event runs before the subscriptions for it.
 * A listener that blocks holds up event delivery, not reading.
 */
public interface DapClientListener {

    /** An event arrived. Called for every event, known or not, before any subscription sees it. */
    default void eventReceived(Event event) {
    }

    /**
     * A response arrived whose {@code request_seq} matches no open request (nor one the client
     * gave up on after a timeout or cancel); it was logged and ignored.
     */
    default void unmatchedResponse(Response response) {
    }

    /**
     * The connection has closed and every open request has failed. Called once.
     *
     * @param cause null for an orderly end (the client was closed, or the adapter ended the
     *     stream between two messages); otherwise why the connection failed, e.g. the decoder's
     *     {@link dev.dapkit.model.ProtocolException}
     */
    default void closed(Throwable cause) {
    }
}
