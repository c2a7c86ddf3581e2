package dev.dapkit.server.internal;

import dev.dapkit.model.Event;
import dev.dapkit.server.spi.DataBreakpoints;
import dev.dapkit.server.spi.ExceptionBreakpoints;
import dev.dapkit.server.spi.FunctionBreakpoints;
import dev.dapkit.server.spi.LineBreakpoint;
import dev.dapkit.server.spi.TargetException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.BreakpointEventArguments;
import org.eclipse.lsp4j.debug.BreakpointEventArgumentsReason;
import org.eclipse.lsp4j.debug.ExceptionFilterOptions;
import org.eclipse.lsp4j.debug.ExceptionOptions;
import org.eclipse.lsp4j.debug.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the target's breakpoints in step with the {@link BreakpointRegistry}: sends a group to
 * the target and records its answers, replays everything held before launch, removes everything
 * on detach, and turns the target's own reports into {@code breakpoint} events.
 *
 * <p>Called on the session thread only.
 */
final class BreakpointSync {

    private static final Logger LOG = LoggerFactory.getLogger(BreakpointSync.class);

    static final String FUNCTIONS = "functions";
    static final String DATA = "data";
    static final String EXCEPTIONS = "exceptions";

    /** The last exception configuration the client sent. */
    record ExceptionConfig(List<String> filters, List<ExceptionFilterOptions> filterOptions,
            List<ExceptionOptions> exceptionOptions) {
    }

    private final TargetHolder target;
    private final BreakpointRegistry registry;
    private final BreakpointView view;
    private final SourceTranslator sources;
    private final MessageSequencer sequencer;
    private ExceptionConfig exceptions;

    BreakpointSync(TargetHolder target, BreakpointRegistry registry, BreakpointView view, SourceTranslator sources,
            MessageSequencer sequencer) {
        this.target = target;
        this.registry = registry;
        this.view = view;
        this.sources = sources;
        this.sequencer = sequencer;
    }

    /** Sends one source's breakpoints; returns the entries whose state changed. */
    List<BreakpointRegistry.Entry> pushLines(Source targetSource, List<BreakpointRegistry.Entry> entries)
            throws TargetException {
        boolean passConditions = !target.engineEvaluatesConditions();
        List<BreakpointRegistry.Entry> valid = valid(entries);
        List<LineBreakpoint> wanted = new ArrayList<>();
        for (BreakpointRegistry.Entry e : valid) {
            BreakpointRule r = e.rule();
            wanted.add(passConditions
                    ? new LineBreakpoint(e.id, e.spec.line(), e.spec.column(), r.condition(), r.hitConditionText(), r.logMessageText())
                    : new LineBreakpoint(e.id, e.spec.line(), e.spec.column(), null, null, null));
        }
        return record(valid, target.get().setLineBreakpoints(targetSource, wanted), "setBreakpoints");
    }

    /** Sends every function breakpoint; returns the entries whose state changed. */
    List<BreakpointRegistry.Entry> pushFunctions(List<BreakpointRegistry.Entry> entries) throws TargetException {
        FunctionBreakpoints functions = target.capability(FunctionBreakpoints.class, "setFunctionBreakpoints");
        boolean passConditions = !target.engineEvaluatesConditions();
        List<BreakpointRegistry.Entry> valid = valid(entries);
        List<FunctionBreakpoints.FunctionBreakpoint> wanted = new ArrayList<>();
        for (BreakpointRegistry.Entry e : valid) {
            org.eclipse.lsp4j.debug.FunctionBreakpoint asked = (org.eclipse.lsp4j.debug.FunctionBreakpoint) e.spec.request();
            wanted.add(new FunctionBreakpoints.FunctionBreakpoint(e.id, asked.getName(),
                    passConditions ? e.rule().condition() : null, passConditions ? e.rule().hitConditionText() : null));
        }
        return record(valid, functions.setFunctionBreakpoints(wanted), "setFunctionBreakpoints");
    }

    /** Sends every data breakpoint; returns the entries whose state changed. */
    List<BreakpointRegistry.Entry> pushData(List<BreakpointRegistry.Entry> entries) throws TargetException {
        DataBreakpoints data = target.capability(DataBreakpoints.class, "setDataBreakpoints");
        boolean passConditions = !target.engineEvaluatesConditions();
        List<BreakpointRegistry.Entry> valid = valid(entries);
        List<DataBreakpoints.DataBreakpoint> wanted = new ArrayList<>();
        for (BreakpointRegistry.Entry e : valid) {
            org.eclipse.lsp4j.debug.DataBreakpoint asked = (org.eclipse.lsp4j.debug.DataBreakpoint) e.spec.request();
            wanted.add(new DataBreakpoints.DataBreakpoint(e.id, asked.getDataId(), asked.getAccessType(),
                    passConditions ? e.rule().condition() : null, passConditions ? e.rule().hitConditionText() : null));
        }
        return record(valid, data.setDataBreakpoints(wanted), "setDataBreakpoints");
    }

    /** Remembers the exception configuration, to replay after launch and to clear on detach. */
    void holdExceptions(ExceptionConfig config) {
        this.exceptions = config;
    }

    /** Sends the exception configuration; returns the target's breakpoints, registered under stable ids. */
    List<BreakpointRegistry.Entry> pushExceptions() throws TargetException {
        ExceptionConfig config = exceptions;
        if (config == null) {
            return List.of();
        }
        ExceptionBreakpoints handler = target.capability(ExceptionBreakpoints.class, "setExceptionBreakpoints");
        List<Breakpoint> answers = handler.setExceptionBreakpoints(config.filters(), config.filterOptions(),
                config.exceptionOptions());
        List<BreakpointRegistry.Spec> specs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        config.filters().forEach(f -> keys.add("filter:" + f));
        config.filterOptions().forEach(o -> keys.add("option:" + o.getFilterId()));
        int n = answers == null ? 0 : answers.size();
        if (n != 0 && n != keys.size()) {
            LOG.warn("target '{}' answered {} breakpoint(s) to 'setExceptionBreakpoints' for {} filter(s) and {} filter"
                    + " option(s); expected none or one each", target.id(), n, config.filters().size(),
                    config.filterOptions().size());
        }
        for (int i = 0; i < n; i++) {
            specs.add(new BreakpointRegistry.Spec(i < keys.size() ? keys.get(i) : "extra:" + i, BreakpointRule.PLAIN,
                    null, null, null));
        }
        List<BreakpointRegistry.Entry> entries = registry.replace(BreakpointRegistry.Kind.EXCEPTION, EXCEPTIONS, null, null,
                specs);
        record(entries, answers == null ? List.of() : answers, "setExceptionBreakpoints");
        return entries;
    }

    /**
     * After launch or attach: sends everything the client configured before, and tells the client
     * (with {@code breakpoint} events) about each breakpoint whose state the target changed.
     */
    void replayAll() throws TargetException {
        List<BreakpointRegistry.Entry> changed = new ArrayList<>();
        for (String group : registry.groupNames()) {
            List<BreakpointRegistry.Entry> entries = registry.group(group);
            if (entries.isEmpty()) {
                continue;
            }
            switch (entries.get(0).kind) {
                case LINE -> changed.addAll(replayLines(group, entries));
                case FUNCTION -> changed.addAll(pushFunctions(entries));
                case DATA -> changed.addAll(pushData(entries));
                default -> { }
            }
        }
        pushExceptions();
        changed.forEach(e -> sendEvent(BreakpointEventArgumentsReason.CHANGED, view.toClient(e)));
    }

    /** Sends a source's breakpoints set before launch, with the path mapped as the launch says now. */
    private List<BreakpointRegistry.Entry> replayLines(String group, List<BreakpointRegistry.Entry> entries)
            throws TargetException {
        BreakpointRegistry.Entry first = entries.get(0);
        Source mapped = sources.toTarget(first.clientSource);
        List<BreakpointRegistry.Entry> current = registry.replace(BreakpointRegistry.Kind.LINE, group, first.clientSource,
                mapped, entries.stream().map(e -> e.spec).toList());
        return pushLines(mapped, current);
    }

    /**
     * Before a detach: removes every breakpoint from the target (an empty list per source and per
     * kind the target supports) and forgets them. Failures are logged; the detach goes on.
     */
    void removeAll() {
        for (String group : registry.groupNames()) {
            List<BreakpointRegistry.Entry> entries = registry.group(group);
            if (!entries.isEmpty() && entries.get(0).kind == BreakpointRegistry.Kind.LINE) {
                attempt("setBreakpoints", () -> target.get().setLineBreakpoints(entries.get(0).targetSource, List.of()));
            }
        }
        if (target.get() instanceof FunctionBreakpoints f) {
            attempt("setFunctionBreakpoints", () -> f.setFunctionBreakpoints(List.of()));
        }
        if (target.get() instanceof DataBreakpoints d) {
            attempt("setDataBreakpoints", () -> d.setDataBreakpoints(List.of()));
        }
        if (target.get() instanceof ExceptionBreakpoints x) {
            attempt("setExceptionBreakpoints", () -> x.setExceptionBreakpoints(List.of(), List.of(), List.of()));
        }
        registry.clear();
        exceptions = null;
    }

    /** The target reports a change to a breakpoint of ours. */
    void targetChanged(Breakpoint state) {
        BreakpointRegistry.Entry entry = state.getId() == null ? null : registry.byId(state.getId());
        if (entry == null) {
            LOG.warn("target '{}' reported a change to breakpoint id {}, which the engine never issued; ignored",
                    target.id(), state.getId());
            return;
        }
        if (registry.report(entry, state)) {
            sendEvent(BreakpointEventArgumentsReason.CHANGED, view.toClient(entry));
        }
    }

    /** The target created a breakpoint that the engine has registered as {@code entry}. */
    void targetAdded(BreakpointRegistry.Entry entry, Breakpoint state) {
        state.setId(entry.id);
        registry.report(entry, state);
        sendEvent(BreakpointEventArgumentsReason.NEW, view.toClient(entry));
    }

    /** The target removed a breakpoint. */
    void targetRemoved(int id) {
        if (registry.remove(id) == null) {
            LOG.warn("target '{}' removed breakpoint id {}, which is not registered; ignored", target.id(), id);
            return;
        }
        Breakpoint gone = new Breakpoint();
        gone.setId(id);
        gone.setVerified(false);
        sendEvent(BreakpointEventArgumentsReason.REMOVED, gone);
    }

    private List<BreakpointRegistry.Entry> record(List<BreakpointRegistry.Entry> valid, List<Breakpoint> answers,
            String command) {
        List<BreakpointRegistry.Entry> changed = new ArrayList<>();
        int answered = answers == null ? 0 : answers.size();
        if (answered != valid.size()) {
            LOG.warn("target '{}' answered {} breakpoint(s) to '{}' for {} asked", target.id(), answered, command,
                    valid.size());
        }
        for (int i = 0; i < valid.size(); i++) {
            BreakpointRegistry.Entry e = valid.get(i);
            Breakpoint answer = i < answered && answers.get(i) != null ? answers.get(i) : unanswered(command);
            answer.setId(e.id);
            if (registry.report(e, answer)) {
                changed.add(e);
            }
        }
        return changed;
    }

    private Breakpoint unanswered(String command) {
        Breakpoint b = new Breakpoint();
        b.setVerified(false);
        b.setMessage("target '" + target.id() + "' gave no answer for this breakpoint to '" + command + "'");
        return b;
    }

    private static List<BreakpointRegistry.Entry> valid(List<BreakpointRegistry.Entry> entries) {
        return entries.stream().filter(e -> e.rule().isValid()).toList();
    }

    private void sendEvent(String reason, Breakpoint breakpoint) {
        BreakpointEventArguments body = new BreakpointEventArguments();
        body.setReason(reason);
        body.setBreakpoint(breakpoint);
        sequencer.send(Event.of("breakpoint", body));
    }

    private void attempt(String what, TargetCall call) {
        try {
            call.run();
        } catch (TargetException | RuntimeException e) {
            LOG.warn("target '{}' failed to clear breakpoints ('{}') while detaching: {}", target.id(), what, e.toString());
        }
    }

    @FunctionalInterface
    private interface TargetCall {
        void run() throws TargetException;
    }
}
