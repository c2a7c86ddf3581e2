package dev.dapkit.server.internal;

import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.Evaluator;
import dev.dapkit.server.spi.StackTracePage;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conditions, hit conditions and logpoints for targets that cannot do them natively. On a stop
 * that names hit breakpoints the engine evaluates each one's condition (through the target's
 * {@link Evaluator}, on the stopped thread's top frame), counts the hit, tests the hit condition
 * and writes logpoint messages as {@code console} output. When no hit breakpoint wants a stop and
 * the stop's reason is a breakpoint kind, it lets the debuggee go on
 * ({@code resumeFilteredStop}, which carries on a step in progress) without the client ever
 * seeing the stop; a stop for any other reason (a step that landed on a breakpoint's line) is
 * always shown. A condition that cannot be evaluated stops, with the error shown as output, as VS
 * Code's own adapters do.
 *
 * <p>Called only from a task holding the session lane (the session thread, or a thread running a task
 * in its place).
 */
final class BreakpointConditions {

    private static final Logger LOG = LoggerFactory.getLogger(BreakpointConditions.class);

    /** Values a condition may produce that mean false, across the languages targets debug. */
    private static final Set<String> FALSE_VALUES = Set.of("false", "0", "0.0", "null", "none", "nil", "undefined", "",
            "nan");

    /** The stop reasons that are a breakpoint firing: only such stops may be resumed unseen. */
    private static final Set<String> BREAKPOINT_REASONS = Set.of(StoppedEventArgumentsReason.BREAKPOINT,
            StoppedEventArgumentsReason.FUNCTION_BREAKPOINT, StoppedEventArgumentsReason.DATA_BREAKPOINT,
            StoppedEventArgumentsReason.INSTRUCTION_BREAKPOINT);

    private final TargetHolder target;
    private final BreakpointRegistry registry;
    private final OutputBuffer output;
    private final SourceTranslator sources;
    private final ClientProfile client;

    BreakpointConditions(TargetHolder target, BreakpointRegistry registry, OutputBuffer output, SourceTranslator sources,
            ClientProfile client) {
        this.target = target;
        this.registry = registry;
        this.output = output;
        this.sources = sources;
        this.client = client;
    }

    /**
     * Whether {@link #filter} calls the target for this stop: one of its breakpoints has a
     * condition, hit condition or log message that the engine tests.
     */
    boolean needsTarget(StoppedEventArguments stopped) {
        Integer[] ids = stopped.getHitBreakpointIds();
        if (!engineChecks(ids)) {
            return false;
        }
        for (Integer id : ids) {
            BreakpointRegistry.Entry e = id == null ? null : registry.byId(id);
            if (e != null && e.rule().needsEngine()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the engine has anything to check on a stop with these hit breakpoints. */
    private boolean engineChecks(Integer[] ids) {
        return ids != null && ids.length > 0 && target.engineEvaluatesConditions();
    }

    /**
     * Applies the engine's checks to a stop.
     *
     * @return the stop to show the client (with only the breakpoints that fired, or none), or null
     *     when the stop was suppressed and the debuggee went on
     */
    StoppedEventArguments filter(StoppedEventArguments stopped) {
        Integer[] ids = stopped.getHitBreakpointIds();
        if (!engineChecks(ids)) {
            return stopped;
        }
        Integer threadId = stopped.getThreadId();
        FrameSupplier frame = new FrameSupplier(threadId);
        List<Integer> firing = new ArrayList<>();
        boolean checked = false;
        for (Integer id : ids) {
            BreakpointRegistry.Entry e = id == null ? null : registry.byId(id);
            if (e == null) {
                firing.add(id);
            } else if (!e.rule().needsEngine()) {
                registry.countHit(e);
                firing.add(id);
            } else {
                checked = true;
                if (fires(e, frame)) {
                    firing.add(id);
                }
            }
        }
        if (!checked) {
            return stopped;
        }
        if (firing.isEmpty() && BREAKPOINT_REASONS.contains(stopped.getReason())
                && resumeQuietly(threadId, Boolean.TRUE.equals(stopped.getAllThreadsStopped()))) {
            return null;
        }
        stopped.setHitBreakpointIds(firing.isEmpty() ? null : firing.toArray(Integer[]::new));
        return stopped;
    }

    private boolean fires(BreakpointRegistry.Entry e, FrameSupplier frame) {
        BreakpointRule rule = e.rule();
        if (rule.condition() != null) {
            try {
                if (!isTrue(evaluate(frame.get(), rule.condition(), EvaluationContext.BREAKPOINT_CONDITION))) {
                    return false;
                }
            } catch (TargetException | RuntimeException ex) {
                print(e, "dapkit: breakpoint condition '" + rule.condition() + "' could not be evaluated: "
                        + ex.getMessage() + "; stopping");
                return true;
            }
        }
        int hits = registry.countHit(e);
        if (rule.hitCondition() != null && !rule.hitCondition().test(hits)) {
            return false;
        }
        if (rule.logMessage() != null) {
            print(e, rule.logMessage().render(expression -> {
                try {
                    return evaluate(frame.get(), expression, EvaluationContext.LOG_MESSAGE);
                } catch (TargetException | RuntimeException ex) {
                    return "<error: " + ex.getMessage() + ">";
                }
            }));
            return false;
        }
        return true;
    }

    private String evaluate(TargetFrame frame, String expression, EvaluationContext context) throws TargetException {
        Evaluator evaluator = target.capability(Evaluator.class, "evaluate");
        String value = evaluator.evaluate(frame, expression, context).variable().getValue();
        return value == null ? "" : value;
    }

    /** Whether a condition's value counts as true. */
    static boolean isTrue(String value) {
        return !FALSE_VALUES.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private boolean resumeQuietly(Integer threadId, boolean allThreads) {
        try {
            target.get().resumeFilteredStop(threadId == null ? 0 : threadId, allThreads);
            return true;
        } catch (TargetException | RuntimeException e) {
            LOG.warn("target '{}' could not go on after a breakpoint stop that no breakpoint wanted (thread {});"
                    + " showing the stop: {}", target.id(), threadId, e.toString());
            return false;
        }
    }

    private void print(BreakpointRegistry.Entry e, String text) {
        OutputEventArguments o = new OutputEventArguments();
        o.setCategory("console");
        o.setOutput(text.endsWith("\n") ? text : text + "\n");
        if (e.targetSource != null) {
            o.setSource(sources.toClient(e.targetSource));
            o.setLine(client.lines().lineToClient(e.spec.line()));
        }
        output.sendNow(o);
    }

    /** The stopped thread's top frame, asked for once and only when an expression needs it. */
    private final class FrameSupplier {
        private final Integer threadId;
        private boolean fetched;
        private TargetFrame frame;

        FrameSupplier(Integer threadId) {
            this.threadId = threadId;
        }

        TargetFrame get() throws TargetException {
            if (!fetched) {
                fetched = true;
                if (threadId != null) {
                    StackTracePage page = target.get().stackTrace(threadId, 0, 1);
                    frame = page.frames().isEmpty() ? null : page.frames().get(0);
                }
            }
            return frame;
        }
    }
}
