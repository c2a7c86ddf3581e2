package dev.dapkit.testkit.client;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;

/** Writes a message in one short line for logs and failure messages; long arguments and bodies are cut. */
final class MessageText {

    private static final int LIMIT = 300;

    private MessageText() {
    }

    static String of(DapMessage message) {
        if (message instanceof Request r) {
            return "request '" + r.command() + "' #" + r.seq() + json(r.arguments());
        }
        if (message instanceof Response r) {
            return (r.success() ? "response" : "FAILED response") + " to '" + r.command() + "' #" + r.requestSeq()
                    + " (seq " + r.seq() + ")" + (r.message() == null ? "" : " message=" + r.message()) + json(r.body());
        }
        Event e = (Event) message;
        return "event '" + e.event() + "' (seq " + e.seq() + ")" + json(e.body());
    }

    private static String json(RawJson value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return " " + (text.length() > LIMIT ? text.substring(0, LIMIT) + "..." : text);
    }
}
