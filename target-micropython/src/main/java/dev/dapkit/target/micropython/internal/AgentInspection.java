package dev.dapkit.target.micropython.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.RequestCancellation;
import dev.dapkit.server.spi.StackTracePage;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetScope;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariableContainer;
import dev.dapkit.server.spi.VariablesPage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Questions about a stopped program, asked of the agent: stacks, scopes, variables (lazily, a page
 * at a time), evaluation and assignment in a frame, and the device's copy of a file.
 *
 * <p>Called on the engine's session thread; holds no state of its own besides the link.
 */
final class AgentInspection {

    /** Evaluation runs the user's code, which may take long; the client can cancel it. */
    static final Duration EVALUATION_TIMEOUT = Duration.ofSeconds(60);
    /** The slice of a file {@code src} is asked for at a time, well under the line limit once escaped. */
    static final int SOURCE_SLICE = 8 * 1024;
    /** The largest device file fetched for the {@code source} request. */
    static final int SOURCE_LIMIT = 4 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentSession session;

    AgentInspection(AgentSession session) {
        this.session = session;
    }

    StackTracePage stack(int threadId, int start, int levels) throws TargetException {
        ObjectNode arguments = JSON.createObjectNode();
        arguments.put("t", session.threads.agent(threadId));
        arguments.put("start", start);
        arguments.put("levels", levels);
        ObjectNode reply = session.link.request("stack", arguments);
        List<AgentFrame> frames = new ArrayList<>();
        for (JsonNode f : reply.path("frames")) {
            frames.add(new AgentFrame(threadId, f.path("id").asInt(), f.path("name").asText("?"),
                    session.devicePath(f.path("file").asText(null)), f.path("line").asInt()));
        }
        Integer total = reply.has("total") ? reply.get("total").asInt() : null;
        return new StackTracePage(frames, total);
    }

    List<TargetScope> scopes(AgentFrame frame) throws TargetException {
        ObjectNode arguments = JSON.createObjectNode();
        arguments.put("t", session.threads.agent(frame.threadId()));
        arguments.put("f", frame.id());
        ObjectNode reply = session.link.request("scopes", arguments);
        List<TargetScope> scopes = new ArrayList<>();
        for (JsonNode s : reply.path("scopes")) {
            String name = s.path("name").asText("Scope");
            int ref = s.path("ref").asInt(0);
            String hint = name.equals("Locals") ? "locals" : null;
            VariableContainer children = ref > 0 ? new AgentContainer(frame.threadId(), ref, AgentContainer.Kind.SCOPE, null)
                    : new LocalsNote(s.path("note").asText("locals need firmware with f_locals"));
            TargetScope scope = TargetScope.of(name, hint, false, children);
            if (ref <= 0) {
                scope = scope.withNamedVariables(1);
            } else if (s.has("size")) {
                scope = scope.withNamedVariables(s.get("size").asInt());
            }
            scopes.add(scope);
        }
        return scopes;
    }

    List<TargetVariable> variables(VariableContainer container, VariablesPage page) throws TargetException {
        if (container instanceof LocalsNote note) {
            return page.filter() == VariablesPage.Filter.INDEXED || page.start() > 0 ? List.of()
                    : List.of(TargetVariable.leaf("(no locals)", note.note(), null));
        }
        AgentContainer parent = own(container);
        boolean indexed = parent.kind() == AgentContainer.Kind.SEQUENCE;
        if (page.filter() == VariablesPage.Filter.INDEXED && !indexed
                || page.filter() == VariablesPage.Filter.NAMED && indexed) {
            return List.of();
        }
        ObjectNode arguments = JSON.createObjectNode();
        arguments.put("t", session.threads.agent(parent.threadId()));
        arguments.put("ref", parent.ref());
        arguments.put("start", page.start());
        arguments.put("count", page.count());
        ObjectNode reply = session.link.request("vars", arguments);
        List<TargetVariable> out = new ArrayList<>();
        for (JsonNode v : reply.path("vars")) {
            out.add(AgentValues.child(parent, v));
        }
        return out;
    }

    TargetVariable evaluate(AgentFrame frame, String expression, EvaluationContext context,
            RequestCancellation cancellation) throws TargetException {
        if (context == EvaluationContext.HOVER && !PythonNames.isReadOnlyExpression(expression)) {
            throw MicroPythonErrors.hoverRefused(expression);
        }
        String text = expression.strip();
        try {
            return AgentValues.result(frame.threadId(), text, text, eval(frame, text, "eval", cancellation));
        } catch (TargetException e) {
            if (context != EvaluationContext.REPL || !isSyntaxError(e)) {
                throw e;
            }
        }
        // the console also takes statements (x = 5, import os): run it as one
        ObjectNode reply = eval(frame, text, "exec", cancellation);
        return AgentValues.result(frame.threadId(), text, null, reply);
    }

    TargetVariable set(VariableContainer container, String name, String value) throws TargetException {
        if (container instanceof LocalsNote) {
            throw MicroPythonErrors.noLocals("setting '" + name + "'");
        }
        AgentContainer parent = own(container);
        ObjectNode arguments = JSON.createObjectNode();
        arguments.put("t", session.threads.agent(parent.threadId()));
        arguments.put("ref", parent.ref());
        arguments.put("n", name);
        arguments.put("x", value);
        ObjectNode reply = session.link.request("set", arguments);
        return AgentValues.result(parent.threadId(), name, parent.childEvaluateName(name), reply);
    }

    /** The device's copy of a file, fetched in slices. */
    String source(String path) throws TargetException {
        StringBuilder text = new StringBuilder();
        int offset = 0;
        while (true) {
            ObjectNode arguments = JSON.createObjectNode();
            arguments.put("file", path);
            arguments.put("off", offset);
            arguments.put("len", SOURCE_SLICE);
            ObjectNode reply = session.link.request("src", arguments);
            String slice = reply.path("text").asText("");
            text.append(slice);
            // the agent reads bytes and says how many it used (a slice never ends inside a character)
            offset += reply.has("n") ? reply.get("n").asInt() : slice.getBytes(StandardCharsets.UTF_8).length;
            if (reply.path("eof").asBoolean(true) || slice.isEmpty()) {
                return text.toString();
            }
            if (text.length() > SOURCE_LIMIT) {
                throw MicroPythonErrors.noSource(path, "it is larger than " + SOURCE_LIMIT / (1024 * 1024) + " MiB");
            }
        }
    }

    private ObjectNode eval(AgentFrame frame, String expression, String mode, RequestCancellation cancellation)
            throws TargetException {
        ObjectNode arguments = JSON.createObjectNode();
        arguments.put("t", session.threads.agent(frame.threadId()));
        arguments.put("f", frame.id());
        arguments.put("x", expression);
        arguments.put("mode", mode);
        return session.link.request("eval", arguments, EVALUATION_TIMEOUT, cancellation);
    }

    private static boolean isSyntaxError(TargetException e) {
        String message = e.getMessage();
        return message != null && (message.contains("SyntaxError") || message.contains("invalid syntax"));
    }

    static AgentContainer own(VariableContainer container) throws TargetException {
        if (container instanceof AgentContainer own) {
            return own;
        }
        throw MicroPythonErrors.foreign("variable container", container);
    }
}
