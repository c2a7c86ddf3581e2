package dev.dapkit.server;

import dev.dapkit.model.DapError;

/**
 * The errors the server engine itself answers requests with, by their DAP error id (the
 * {@code body.error.id} of the response). Errors a target raises keep the target's own ids.
 *
 * <table>
 *   <caption>Engine error ids</caption>
 *   <tr><th>id</th><th>constant</th><th>when</th></tr>
 *   <tr><td>1001</td><td>{@link #NOT_INITIALIZED}</td><td>a request before {@code initialize}</td></tr>
 *   <tr><td>1002</td><td>{@link #ALREADY_INITIALIZED}</td><td>a second {@code initialize}</td></tr>
 *   <tr><td>1003</td><td>{@link #UNKNOWN_COMMAND}</td><td>a command DAP does not define</td></tr>
 *   <tr><td>1004</td><td>{@link #INVALID_ARGUMENTS}</td><td>arguments missing a required field or of the wrong type</td></tr>
 *   <tr><td>1005</td><td>{@link #NOT_SUPPORTED}</td><td>the target lacks the capability the request needs</td></tr>
 *   <tr><td>1006</td><td>{@link #NOT_LAUNCHED}</td><td>a request that needs a debuggee before {@code launch}/{@code attach}</td></tr>
 *   <tr><td>1007</td><td>{@link #ALREADY_LAUNCHED}</td><td>a second {@code launch}/{@code attach}</td></tr>
 *   <tr><td>1008</td><td>{@link #STALE_HANDLE}</td><td>a {@code frameId} or {@code variablesReference} issued before the debuggee last resumed</td></tr>
 *   <tr><td>1009</td><td>{@link #UNKNOWN_HANDLE}</td><td>a {@code frameId}, {@code variablesReference} or {@code sourceReference} never issued</td></tr>
 *   <tr><td>1010</td><td>{@link #CANCELLED}</td><td>the client cancelled the request</td></tr>
 *   <tr><td>1011</td><td>{@link #ACCESS_DENIED}</td><td>the session requires a secret that was missing or wrong</td></tr>
 *   <tr><td>1012</td><td>{@link #CLIENT_UNSUPPORTED}</td><td>a target's reverse request the client did not declare support for</td></tr>
 *   <tr><td>1013</td><td>{@link #REVERSE_REQUEST_FAILED}</td><td>the client refused a reverse request, did not answer in time, or went away</td></tr>
 *   <tr><td>1014</td><td>{@link #SESSION_ENDED}</td><td>a request that arrived while the session was ending</td></tr>
 *   <tr><td>1099</td><td>{@link #INTERNAL_ERROR}</td><td>the target (or the engine) failed unexpectedly; details are in the server log</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 */
public enum EngineError {
    NOT_INITIALIZED(1001),
    ALREADY_INITIALIZED(1002),
    UNKNOWN_COMMAND(1003),
    INVALID_ARGUMENTS(1004),
    NOT_SUPPORTED(1005),
    NOT_LAUNCHED(1006),
    ALREADY_LAUNCHED(1007),
    STALE_HANDLE(1008),
    UNKNOWN_HANDLE(1009),
    CANCELLED(1010),
    ACCESS_DENIED(1011),
    CLIENT_UNSUPPORTED(1012),
    REVERSE_REQUEST_FAILED(1013),
    SESSION_ENDED(1014),
    INTERNAL_ERROR(1099);

    private final int id;

    EngineError(int id) {
        this.id = id;
    }

    /** The DAP error id. */
    public int id() {
        return id;
    }

    /** An error with this id and text, shown to the user. */
    public DapError error(String text) {
        return DapError.of(id, text);
    }

    /** The constant with this DAP error id, or null when the engine uses no such id. */
    public static EngineError byId(int id) {
        for (EngineError e : values()) {
            if (e.id == id) {
                return e;
            }
        }
        return null;
    }
}
