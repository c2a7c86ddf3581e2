package dev.dapkit.client;

import dev.dapkit.model.DapError;

/**
 * The adapter answered a request with an error response ({@code "success": false}). Carries the
 * response's short {@code message} (such as {@code cancelled} or {@code notStopped}) and, when
 * the adapter sent one, the structured {@code body.error} as a {@link DapError}.
 *
 * <p>Reverse-request handlers may also throw it (or fail their stage with it): the client then
 * answers the adapter with this message and error.
 */
public class DapErrorException extends DapClientException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final String shortMessage;
    private final transient DapError error;

    /**
     * @param command the command that failed
     * @param shortMessage the response's {@code message}, or null
     * @param error the response's {@code body.error}, or null when it has none
     */
    public DapErrorException(String command, String shortMessage, DapError error) {
        super(describe(command, shortMessage, error));
        this.command = command;
        this.shortMessage = shortMessage;
        this.error = error;
    }

    /** An error for a reverse-request handler to fail with: the adapter receives {@code error}. */
    public DapErrorException(DapError error) {
        this(null, error.formatted(), error);
    }

    /** The command of the failed request, or null for an exception made by a reverse-request handler. */
    public String command() {
        return command;
    }

    /** The response's {@code message} field: a short reason such as {@code cancelled}, or a description; may be null. */
    public String shortMessage() {
        return shortMessage;
    }

    /** The response's {@code body.error}, or null when the adapter sent none. */
    public DapError error() {
        return error;
    }

    private static String describe(String command, String shortMessage, DapError error) {
        StringBuilder text = new StringBuilder();
        if (command != null) {
            text.append('\'').append(command).append("' request failed: ");
        }
        if (error != null) {
            text.append(error.formatted()).append(" (error ").append(error.id());
            if (shortMessage != null && !shortMessage.equals(error.formatted())) {
                text.append(", message '").append(shortMessage).append('\'');
            }
            text.append(')');
        } else {
            text.append(shortMessage == null ? "the adapter gave no reason" : shortMessage);
        }
        return text.toString();
    }
}
