package dev.dapkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import dev.dapkit.server.EngineError;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.Restartable;
import dev.dapkit.server.spi.SourceProvider;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetProvider;
import java.util.function.Function;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the start of a session: {@code initialize} (creates the target, answers with its
 * capabilities, then sends {@code initialized}), {@code launch}/{@code attach} (checks the secret,
 * reads {@code pathMappings}, starts the debuggee, replays configuration sent before), and
 * {@code configurationDone}; plus {@code restart}. The {@code launch}/{@code attach} response is
 * held until {@code configurationDone} has been processed, as VS Code expects; a
 * {@code configurationDone} that arrives first is remembered and applied right after the launch.
 *
 * <p>Called on the session thread only.
 */
final class LaunchHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(LaunchHandlers.class);

    private final TargetHolder target;
    private final TargetProvider provider;
    private final Function<InitializeRequestArguments, TargetContext> contexts;
    private final SessionPhase phase;
    private final ClientProfile client;
    private final SourceTranslator sources;
    private final BreakpointSync breakpoints;
    private final SuspendedState suspended;
    private final AccessGuard access;
    private final Responder responder;
    private final MessageSequencer sequencer;
    private PendingRequest waitingLaunch;
    private boolean configurationDoneEarly;

    LaunchHandlers(TargetHolder target, TargetProvider provider, Function<InitializeRequestArguments, TargetContext> contexts,
            SessionPhase phase, ClientProfile client, SourceTranslator sources, BreakpointSync breakpoints,
            SuspendedState suspended, AccessGuard access, Responder responder, MessageSequencer sequencer) {
        this.target = target;
        this.provider = provider;
        this.contexts = contexts;
        this.phase = phase;
        this.client = client;
        this.sources = sources;
        this.breakpoints = breakpoints;
        this.suspended = suspended;
        this.access = access;
        this.responder = responder;
        this.sequencer = sequencer;
    }

    void register(HandlerTable table) {
        table.on("initialize", InitializeRequestArguments.class, Requirement.NONE, this::initialize);
        table.on("launch", RawJson.class, Requirement.INITIALIZED, (p, a) -> start(p, a, SessionPhase.StartKind.LAUNCH));
        table.on("attach", RawJson.class, Requirement.INITIALIZED, (p, a) -> start(p, a, SessionPhase.StartKind.ATTACH));
        table.on("configurationDone", ConfigurationDoneArguments.class, Requirement.INITIALIZED,
                (p, a) -> configurationDone(p));
        table.on("restart", RawJson.class, Requirement.LAUNCHED, (p, a) -> restart(a));
    }

    /** The client left before {@code configurationDone}: the held launch response is an error. */
    void abandonWaitingLaunch() {
        PendingRequest launch = waitingLaunch;
        waitingLaunch = null;
        if (launch != null) {
            responder.fail(launch, RequestFailure.of(EngineError.SESSION_ENDED,
                    "'" + launch.command() + "' abandoned: the session ended before 'configurationDone'"));
        }
    }

    private Object initialize(PendingRequest request, InitializeRequestArguments arguments) throws TargetException {
        phase.checkNotInitialized();
        client.set(arguments);
        DebugTarget created = provider.create(contexts.apply(arguments));
        if (created == null) {
            throw new IllegalStateException("target provider '" + provider.id() + "' created no target");
        }
        target.set(created);
        sources.configure(created instanceof SourceProvider, client.usesUris());
        Object capabilities = CapabilitiesBuilder.of(created);
        phase.markInitialized(request.seq());
        responder.succeed(request, capabilities);
        sequencer.send(Event.of("initialized", null));
        return CommandHandler.DEFERRED;
    }

    private Object start(PendingRequest request, RawJson arguments, SessionPhase.StartKind kind) throws TargetException {
        phase.checkNotStarted(request.command());
        if (!access.admit(request, arguments)) {
            return CommandHandler.DEFERRED;
        }
        RawJson forTarget = access.required() ? SecretCheck.withoutSecret(arguments) : arguments;
        sources.paths().setMappings(PathMapping.fromArguments(arguments));
        if (kind == SessionPhase.StartKind.LAUNCH) {
            target.get().launch(forTarget);
        } else {
            target.get().attach(forTarget);
        }
        phase.markStarted(kind);
        try {
            breakpoints.replayAll();
        } catch (TargetException | RuntimeException e) {
            LOG.warn("target '{}' failed to take the configuration sent before '{}': {}", target.id(),
                    request.command(), e.toString());
        }
        if (configurationDoneEarly) {
            target.get().configurationDone();
            return null;
        }
        waitingLaunch = request;
        return CommandHandler.DEFERRED;
    }

    private Object configurationDone(PendingRequest request) {
        if (!phase.isStarted()) {
            configurationDoneEarly = true;
            return null;
        }
        PendingRequest launch = waitingLaunch;
        waitingLaunch = null;
        try {
            target.get().configurationDone();
        } catch (TargetException | RuntimeException e) {
            responder.fail(request, e);
            if (launch != null) {
                responder.fail(launch, e);
            }
            return CommandHandler.DEFERRED;
        }
        responder.succeed(request, null);
        if (launch != null) {
            responder.succeed(launch, null);
        }
        return CommandHandler.DEFERRED;
    }

    private Object restart(RawJson arguments) throws TargetException {
        Restartable restartable = target.capability(Restartable.class, "restart");
        JsonNode given = arguments.tree().get("arguments");
        RawJson configuration = given == null || given.isNull() ? null : RawJson.from(given);
        if (configuration != null) {
            sources.paths().setMappings(PathMapping.fromArguments(configuration));
            if (access.required()) {
                configuration = SecretCheck.withoutSecret(configuration);
            }
        }
        suspended.resumed(0, true);
        restartable.restart(configuration);
        return null;
    }
}
