package dev.dapkit.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.debug.Message;

/**
 * The one error value of dapkit: what travels in an error response's {@code body.error} (DAP's
 * {@code Message}). Engines map every failure to one of these in a single place; clients receive
 * it inside their exception.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id a number unique within the adapter, for support and documentation
 * @param format the text, with {@code {name}} placeholders filled from {@code variables}
 * @param variables values for the placeholders; a name starting with {@code _} holds no user data
 * @param showUser whether the client should show the error to the user
 * @param sendTelemetry whether the client may send it to telemetry
 * @param url where more can be read about the error, or null
 * @param urlLabel the label for {@code url}, or null
 */
public record DapError(int id, String format, Map<String, String> variables, boolean showUser,
        boolean sendTelemetry, String url, String urlLabel) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    public DapError {
        Objects.requireNonNull(format, "format");
        variables = variables == null || variables.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** An error shown to the user, without placeholders. */
    public static DapError of(int id, String text) {
        return new DapError(id, text, Map.of(), true, false, null, null);
    }

    /** An error shown to the user, with placeholders filled from {@code variables}. */
    public static DapError of(int id, String format, Map<String, String> variables) {
        return new DapError(id, format, variables, true, false, null, null);
    }

    /** This error, but not shown to the user (a client may log it instead). */
    public DapError hidden() {
        return new DapError(id, format, variables, false, sendTelemetry, url, urlLabel);
    }

    /** The text with every known placeholder replaced by its value; unknown ones stay as written. */
    public String formatted() {
        Matcher m = PLACEHOLDER.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The LSP4J model form, as written in {@code body.error}. */
    public Message toMessage() {
        Message message = new Message();
        message.setId(id);
        message.setFormat(format);
        if (!variables.isEmpty()) {
            message.setVariables(new LinkedHashMap<>(variables));
        }
        message.setShowUser(showUser);
        if (sendTelemetry) {
            message.setSendTelemetry(true);
        }
        message.setUrl(url);
        message.setUrlLabel(urlLabel);
        return message;
    }

    /** The value of an LSP4J {@code Message}, e.g. from a response's {@code body.error}. */
    public static DapError fromMessage(Message message) {
        return new DapError(message.getId(), message.getFormat() == null ? "" : message.getFormat(),
                message.getVariables(), Boolean.TRUE.equals(message.getShowUser()),
                Boolean.TRUE.equals(message.getSendTelemetry()), message.getUrl(), message.getUrlLabel());
    }

    @Override
    public String toString() {
        return "DapError " + id + ": " + formatted();
    }
}
