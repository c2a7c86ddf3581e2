package dev.dapkit.target.micropython.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dapkit.server.spi.LineBreakpoint;
import dev.dapkit.server.spi.TargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.debug.Breakpoint;

/**
 * The line breakpoints the host gave the agent, by device file. Conditions, hit conditions and
 * logpoints go to the agent, which tests them on the device; a hit condition the agent cannot read
 * is refused here (unverified, with the reason) and never sent. A stop at a breakpoint is matched
 * back to the ids of the breakpoints on its line.
 *
 * <p>Thread-safe: set on the session thread, read by the link's reader when a stop arrives.
 */
final class DeviceBreakpoints {

    /** DAP hit conditions the agent understands: {@code 5}, {@code == 5}, {@code >= 5}, {@code > 5}, {@code % 5}. */
    private static final Pattern HIT = Pattern.compile("\\s*(==|>=|>|%)?\\s*(\\d{1,9})\\s*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<LineBreakpoint>> armed = new ConcurrentHashMap<>();

    /**
     * Replaces the breakpoints of one device file.
     *
     * @return one entry per requested breakpoint, in order
     */
    List<Breakpoint> set(AgentLink link, String file, List<LineBreakpoint> breakpoints) throws TargetException {
        List<Breakpoint> answers = new ArrayList<>();
        List<LineBreakpoint> sent = new ArrayList<>();
        ArrayNode lines = JSON.createArrayNode();
        for (LineBreakpoint b : breakpoints) {
            String hit = null;
            if (b.hitCondition() != null) {
                hit = normalizedHitCondition(b.hitCondition());
                if (hit == null) {
                    answers.add(unverified(b, "hit condition '" + b.hitCondition() + "' is not one of N, == N, >= N,"
                            + " > N, % N (N a whole number)"));
                    continue;
                }
            }
            ObjectNode line = lines.addObject();
            line.put("line", b.line());
            if (b.condition() != null) {
                line.put("cond", b.condition());
            }
            if (hit != null) {
                line.put("hit", hit);
            }
            if (b.logMessage() != null) {
                line.put("log", b.logMessage());
            }
            sent.add(b);
            answers.add(null);
        }
        ObjectNode arguments = JSON.createObjectNode();
        arguments.put("file", file);
        arguments.set("lines", lines);
        // known before the agent has them: it may stop at one before its reply has been read here
        armed.put(file, List.copyOf(sent));
        boolean exists;
        try {
            exists = link.request("bp", arguments).path("exists").asBoolean(true);
        } catch (TargetException e) {
            armed.remove(file);
            throw e;
        }
        if (!exists) {
            armed.remove(file);
        }
        for (int i = 0, s = 0; i < answers.size(); i++) {
            if (answers.get(i) == null) {
                LineBreakpoint b = sent.get(s++);
                answers.set(i, exists ? verified(b) : unverified(b, "the device has no file " + file + " (the agent at "
                        + link.address() + " cannot find it; check pathMappings)"));
            }
        }
        return answers;
    }

    /** The ids of the breakpoints (not logpoints) on a line, for {@code hitBreakpointIds}. */
    Integer[] idsAt(String file, int line) {
        List<LineBreakpoint> inFile = file == null ? null : armed.get(file);
        if (inFile == null) {
            return new Integer[0];
        }
        return inFile.stream().filter(b -> b.line() == line && b.logMessage() == null).map(LineBreakpoint::id)
                .toArray(Integer[]::new);
    }

    /** Forgets every breakpoint (the agent clears its own on detach). */
    void clear() {
        armed.clear();
    }

    /** The hit condition as the agent reads it ({@code >=4}), or null when it means nothing. */
    static String normalizedHitCondition(String text) {
        Matcher m = HIT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        return (m.group(1) == null ? "" : m.group(1)) + m.group(2);
    }

    private static Breakpoint verified(LineBreakpoint b) {
        Breakpoint answer = new Breakpoint();
        answer.setVerified(true);
        answer.setLine(b.line());
        return answer;
    }

    private static Breakpoint unverified(LineBreakpoint b, String reason) {
        Breakpoint answer = new Breakpoint();
        answer.setVerified(false);
        answer.setLine(b.line());
        answer.setMessage(reason);
        return answer;
    }
}
