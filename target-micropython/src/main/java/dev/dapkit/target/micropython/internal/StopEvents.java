package dev.dapkit.target.micropython.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.debug.ExceptionBreakMode;
import org.eclipse.lsp4j.debug.ExceptionDetails;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;

/**
 * Turns the agent's {@code stopped} events into DAP's, naming the breakpoints on the stop's line,
 * and remembers the exception each thread stopped on, for {@code exceptionInfo}.
 *
 * <p>Thread-safe: stops arrive on the link's reader, questions on the session thread.
 */
final class StopEvents {

    private final DeviceBreakpoints breakpoints;
    private final ThreadIds threads;
    private final java.util.function.UnaryOperator<String> devicePath;
    private final Map<Integer, ExceptionInfoResponse> exceptions = new ConcurrentHashMap<>();

    /** @param devicePath makes the agent's file names absolute */
    StopEvents(DeviceBreakpoints breakpoints, ThreadIds threads, java.util.function.UnaryOperator<String> devicePath) {
        this.breakpoints = breakpoints;
        this.threads = threads;
        this.devicePath = devicePath;
    }

    StoppedEventArguments translate(ObjectNode event) {
        int thread = threads.dap(event.path("t").asLong());
        String why = event.path("why").asText("pause");
        StoppedEventArguments stopped = new StoppedEventArguments();
        stopped.setThreadId(thread);
        stopped.setAllThreadsStopped(event.path("all").asBoolean(false));
        stopped.setReason(switch (why) {
            case "entry" -> StoppedEventArgumentsReason.ENTRY;
            case "breakpoint" -> StoppedEventArgumentsReason.BREAKPOINT;
            case "step" -> StoppedEventArgumentsReason.STEP;
            case "exception" -> StoppedEventArgumentsReason.EXCEPTION;
            case "pause" -> StoppedEventArgumentsReason.PAUSE;
            default -> why;
        });
        if (why.equals("breakpoint")) {
            stopped.setHitBreakpointIds(breakpoints.idsAt(devicePath.apply(event.path("file").asText(null)),
                    event.path("line").asInt()));
        }
        if (event.hasNonNull("text")) {
            stopped.setText(event.get("text").asText());
        }
        exceptions.remove(thread);
        JsonNode exc = event.get("exc");
        if (why.equals("exception") && exc != null && exc.isObject()) {
            String type = exc.path("type").asText("Exception");
            String message = exc.path("msg").asText("");
            boolean uncaught = exc.path("uncaught").asBoolean(false);
            String summary = message.isEmpty() ? type : type + ": " + message;
            stopped.setDescription((uncaught ? "Uncaught " : "Raised ") + type);
            stopped.setText(summary);
            exceptions.put(thread, info(type, message, summary, uncaught));
        }
        return stopped;
    }

    /** The exception a thread stopped on, or null. */
    ExceptionInfoResponse exception(int threadId) {
        return exceptions.get(threadId);
    }

    /** A thread ran on: its exception is history. */
    void resumed(int threadId, boolean allThreads) {
        if (allThreads) {
            exceptions.clear();
        } else {
            exceptions.remove(threadId);
        }
    }

    private static ExceptionInfoResponse info(String type, String message, String summary, boolean uncaught) {
        ExceptionInfoResponse info = new ExceptionInfoResponse();
        info.setExceptionId(type);
        info.setDescription(message.isEmpty() ? type : message);
        info.setBreakMode(uncaught ? ExceptionBreakMode.UNHANDLED : ExceptionBreakMode.ALWAYS);
        ExceptionDetails details = new ExceptionDetails();
        details.setTypeName(type);
        details.setMessage(summary);
        info.setDetails(details);
        return info;
    }
}
