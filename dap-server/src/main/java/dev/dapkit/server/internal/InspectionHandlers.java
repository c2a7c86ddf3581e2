package dev.dapkit.server.internal;

import dev.dapkit.server.spi.CompletionProvider;
import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.Evaluator;
import dev.dapkit.server.spi.ExceptionInfoProvider;
import dev.dapkit.server.spi.ExpressionSetter;
import dev.dapkit.server.spi.FrameRestarter;
import dev.dapkit.server.spi.StackTracePage;
import dev.dapkit.server.spi.TargetFrame;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetScope;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariableSetter;
import dev.dapkit.server.spi.VariablesPage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.CompletionItem;
import org.eclipse.lsp4j.debug.CompletionsArguments;
import org.eclipse.lsp4j.debug.CompletionsResponse;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateArgumentsContext;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ExceptionInfoArguments;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.SetExpressionArguments;
import org.eclipse.lsp4j.debug.SetExpressionResponse;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.SetVariableResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesArgumentsFilter;
import org.eclipse.lsp4j.debug.VariablesResponse;

/**
 * Serves the requests that look into a suspended debuggee: {@code stackTrace}, {@code scopes},
 * {@code variables}, {@code evaluate}, {@code setVariable}, {@code setExpression},
 * {@code completions}, {@code exceptionInfo}. It issues the frame ids and variable references for
 * the target's objects and translates sources and lines to the client's.
 *
 * <p>Called on the session thread only.
 */
final class InspectionHandlers {

    private static final Map<String, EvaluationContext> CONTEXTS = Map.of(
            EvaluateArgumentsContext.WATCH, EvaluationContext.WATCH,
            EvaluateArgumentsContext.REPL, EvaluationContext.REPL,
            EvaluateArgumentsContext.HOVER, EvaluationContext.HOVER,
            EvaluateArgumentsContext.CLIPBOARD, EvaluationContext.CLIPBOARD,
            EvaluateArgumentsContext.VARIABLES, EvaluationContext.VARIABLES);

    private final TargetHolder target;
    private final SuspendedState suspended;
    private final SourceTranslator sources;
    private final ClientProfile client;

    InspectionHandlers(TargetHolder target, SuspendedState suspended, SourceTranslator sources, ClientProfile client) {
        this.target = target;
        this.suspended = suspended;
        this.sources = sources;
        this.client = client;
    }

    void register(HandlerTable table) {
        table.on("stackTrace", StackTraceArguments.class, Requirement.LAUNCHED, (p, a) -> stackTrace(a));
        table.on("scopes", ScopesArguments.class, Requirement.LAUNCHED, (p, a) -> scopes(a));
        table.on("variables", VariablesArguments.class, Requirement.LAUNCHED, (p, a) -> variables(a));
        table.on("evaluate", EvaluateArguments.class, Requirement.LAUNCHED, (p, a) -> evaluate(a));
        table.on("setVariable", SetVariableArguments.class, Requirement.LAUNCHED, (p, a) -> setVariable(a));
        table.on("setExpression", SetExpressionArguments.class, Requirement.LAUNCHED, (p, a) -> setExpression(a));
        table.on("completions", CompletionsArguments.class, Requirement.LAUNCHED, (p, a) -> completions(a));
        table.on("exceptionInfo", ExceptionInfoArguments.class, Requirement.LAUNCHED,
                (p, a) -> target.capability(ExceptionInfoProvider.class, "exceptionInfo").exceptionInfo(a.getThreadId()));
    }

    private StackTraceResponse stackTrace(StackTraceArguments a) throws TargetException {
        int start = a.getStartFrame() == null ? 0 : Math.max(0, a.getStartFrame());
        int levels = a.getLevels() == null ? 0 : Math.max(0, a.getLevels());
        StackTracePage page = target.get().stackTrace(a.getThreadId(), start, levels);
        FrameRestarter restarter = target.has(FrameRestarter.class) ? (FrameRestarter) target.get() : null;
        LineConverter lines = client.lines();
        StackFrame[] frames = new StackFrame[page.frames().size()];
        // a deep stack repeats a few files: each distinct source is translated once per request (the
        // translation looks for the file on disk, which cost a system call per frame), and the frames
        // that show it share that one translation, which the encoder then writes once and copies
        Map<Source, Source> translated = new HashMap<>();
        for (int i = 0; i < frames.length; i++) {
            TargetFrame targetFrame = page.frames().get(i);
            StackFrame described = targetFrame.describe();
            StackFrame f = new StackFrame();
            f.setId(suspended.issueFrame(a.getThreadId(), targetFrame));
            f.setName(described.getName());
            f.setSource(clientSource(described.getSource(), translated));
            f.setLine(lines.lineToClient(described.getLine()));
            f.setColumn(lines.columnToClient(described.getColumn()));
            f.setEndLine(lines.lineToClient(described.getEndLine()));
            f.setEndColumn(lines.columnToClient(described.getEndColumn()));
            f.setInstructionPointerReference(described.getInstructionPointerReference());
            f.setModuleId(described.getModuleId());
            f.setPresentationHint(described.getPresentationHint());
            f.setCanRestart(restarter != null ? Boolean.valueOf(restarter.canRestart(targetFrame)) : described.getCanRestart());
            frames[i] = f;
        }
        StackTraceResponse response = new StackTraceResponse();
        response.setStackFrames(frames);
        response.setTotalFrames(page.totalFrames());
        return response;
    }

    /**
     * The client's copy of a frame's source, translated once per distinct source of the request and
     * shared by its frames: the response is written as it is returned, and nothing changes it.
     */
    private Source clientSource(Source targetSource, Map<Source, Source> translated) {
        if (targetSource == null) {
            return null;
        }
        return translated.computeIfAbsent(targetSource, sources::toClient);
    }

    private ScopesResponse scopes(ScopesArguments a) throws TargetException {
        TargetFrame frame = suspended.frame(a.getFrameId()).frame();
        List<TargetScope> scopes = target.get().scopes(frame);
        LineConverter lines = client.lines();
        Scope[] out = new Scope[scopes.size()];
        for (int i = 0; i < out.length; i++) {
            Scope given = scopes.get(i).scope();
            Scope s = new Scope();
            s.setName(given.getName());
            s.setPresentationHint(given.getPresentationHint());
            s.setVariablesReference(suspended.issueContainer(scopes.get(i).variables()));
            s.setNamedVariables(given.getNamedVariables());
            s.setIndexedVariables(given.getIndexedVariables());
            s.setExpensive(given.isExpensive());
            s.setSource(sources.toClient(given.getSource()));
            s.setLine(lines.lineToClient(given.getLine()));
            s.setColumn(lines.columnToClient(given.getColumn()));
            s.setEndLine(lines.lineToClient(given.getEndLine()));
            s.setEndColumn(lines.columnToClient(given.getEndColumn()));
            out[i] = s;
        }
        ScopesResponse response = new ScopesResponse();
        response.setScopes(out);
        return response;
    }

    private VariablesResponse variables(VariablesArguments a) throws TargetException {
        VariablesPage page = new VariablesPage(filter(a.getFilter()),
                a.getStart() == null ? 0 : Math.max(0, a.getStart()), a.getCount() == null ? 0 : Math.max(0, a.getCount()));
        List<TargetVariable> children = target.get().variables(suspended.container(a.getVariablesReference()), page);
        VariablesResponse response = new VariablesResponse();
        response.setVariables(children.stream().map(this::toClient).toArray(Variable[]::new));
        return response;
    }

    private EvaluateResponse evaluate(EvaluateArguments a) throws TargetException {
        Evaluator evaluator = target.capability(Evaluator.class, "evaluate");
        TargetVariable result = evaluator.evaluate(suspended.frameOrNull(a.getFrameId()), a.getExpression(),
                context(a.getContext()));
        Variable v = toClient(result);
        EvaluateResponse response = new EvaluateResponse();
        response.setResult(v.getValue() == null ? "" : v.getValue());
        response.setType(v.getType());
        response.setPresentationHint(v.getPresentationHint());
        response.setVariablesReference(v.getVariablesReference());
        response.setNamedVariables(v.getNamedVariables());
        response.setIndexedVariables(v.getIndexedVariables());
        response.setMemoryReference(v.getMemoryReference());
        return response;
    }

    private SetVariableResponse setVariable(SetVariableArguments a) throws TargetException {
        VariableSetter setter = target.capability(VariableSetter.class, "setVariable");
        Variable v = toClient(setter.setVariable(suspended.container(a.getVariablesReference()), a.getName(), a.getValue()));
        SetVariableResponse response = new SetVariableResponse();
        response.setValue(v.getValue() == null ? "" : v.getValue());
        response.setType(v.getType());
        response.setVariablesReference(v.getVariablesReference());
        response.setNamedVariables(v.getNamedVariables());
        response.setIndexedVariables(v.getIndexedVariables());
        response.setMemoryReference(v.getMemoryReference());
        return response;
    }

    private SetExpressionResponse setExpression(SetExpressionArguments a) throws TargetException {
        ExpressionSetter setter = target.capability(ExpressionSetter.class, "setExpression");
        Variable v = toClient(setter.setExpression(suspended.frameOrNull(a.getFrameId()), a.getExpression(), a.getValue()));
        SetExpressionResponse response = new SetExpressionResponse();
        response.setValue(v.getValue() == null ? "" : v.getValue());
        response.setType(v.getType());
        response.setPresentationHint(v.getPresentationHint());
        response.setVariablesReference(v.getVariablesReference());
        response.setNamedVariables(v.getNamedVariables());
        response.setIndexedVariables(v.getIndexedVariables());
        response.setMemoryReference(v.getMemoryReference());
        return response;
    }

    private CompletionsResponse completions(CompletionsArguments a) throws TargetException {
        CompletionProvider provider = target.capability(CompletionProvider.class, "completions");
        LineConverter lines = client.lines();
        List<CompletionItem> items = provider.completions(suspended.frameOrNull(a.getFrameId()), a.getText(),
                lines.columnToTarget(a.getColumn()));
        for (CompletionItem item : items) {
            item.setStart(lines.columnToClient(item.getStart()));
        }
        CompletionsResponse response = new CompletionsResponse();
        response.setTargets(items.toArray(CompletionItem[]::new));
        return response;
    }

    /** The variable as the client sees it, with a reference issued for its children. */
    private Variable toClient(TargetVariable tv) {
        Variable given = tv.variable();
        Variable v = new Variable();
        v.setName(given.getName());
        v.setValue(given.getValue());
        v.setType(given.getType());
        v.setPresentationHint(given.getPresentationHint());
        v.setEvaluateName(given.getEvaluateName());
        v.setVariablesReference(suspended.issueContainer(tv.children()));
        v.setNamedVariables(given.getNamedVariables());
        v.setIndexedVariables(given.getIndexedVariables());
        v.setMemoryReference(given.getMemoryReference());
        return v;
    }

    private static VariablesPage.Filter filter(VariablesArgumentsFilter filter) {
        if (filter == null) {
            return VariablesPage.Filter.BOTH;
        }
        return filter == VariablesArgumentsFilter.NAMED ? VariablesPage.Filter.NAMED : VariablesPage.Filter.INDEXED;
    }

    /** DAP's open set of evaluate contexts, as the SPI's enum; a context DAP does not define is OTHER. */
    static EvaluationContext context(String context) {
        return context == null ? EvaluationContext.REPL : CONTEXTS.getOrDefault(context, EvaluationContext.OTHER);
    }
}
