package dev.dapkit.server.internal;

import dev.dapkit.server.EngineError;
import java.util.Set;

/**
 * Where a session is in DAP's life cycle (initialized, authenticated, launched or attached,
 * ending) and which commands that allows. Refusals are clear errors naming what is missing.
 *
 * <p>Thread-safe: written on the session thread, read anywhere.
 */
final class SessionPhase {

    /** How the debuggee was reached; decides what {@code disconnect} does by default. */
    enum StartKind {
        LAUNCH,
        ATTACH
    }

    /** Commands answered before the secret has been checked: they carry it, or end the session. */
    private static final Set<String> BEFORE_SECRET = Set.of("initialize", "launch", "attach", "disconnect");

    private final boolean secretRequired;
    private volatile int initializeSeq;
    private volatile boolean authenticated;
    private volatile StartKind startKind;
    private volatile boolean ending;

    SessionPhase(boolean secretRequired) {
        this.secretRequired = secretRequired;
        this.authenticated = !secretRequired;
    }

    /**
     * Refuses {@code command} if the session is not far enough for it.
     *
     * @throws RequestFailure saying what the client must do first
     */
    void check(String command, Requirement requirement) {
        if (ending && !"disconnect".equals(command)) {
            throw RequestFailure.of(EngineError.SESSION_ENDED,
                    "'" + command + "' refused: the session is ending");
        }
        if (requirement == Requirement.NONE) {
            return;
        }
        if (initializeSeq == 0) {
            throw RequestFailure.of(EngineError.NOT_INITIALIZED,
                    "'" + command + "' arrived before 'initialize': the client must send 'initialize' first");
        }
        if (!authenticated && !BEFORE_SECRET.contains(command)) {
            throw RequestFailure.of(EngineError.ACCESS_DENIED, "'" + command + "' refused: this session requires a"
                    + " secret; send it as \"secret\" in the 'launch' or 'attach' arguments");
        }
        if (requirement == Requirement.LAUNCHED && startKind == null) {
            throw RequestFailure.of(EngineError.NOT_LAUNCHED,
                    "'" + command + "' needs a debuggee: send 'launch' or 'attach' first");
        }
    }

    /** Refuses a second {@code initialize}. */
    void checkNotInitialized() {
        if (initializeSeq != 0) {
            throw RequestFailure.of(EngineError.ALREADY_INITIALIZED,
                    "'initialize' was already received (seq " + initializeSeq + "); a session is initialized once");
        }
    }

    /** Records a successful {@code initialize}. */
    void markInitialized(int seq) {
        initializeSeq = seq;
    }

    /** Refuses a second {@code launch}/{@code attach}. */
    void checkNotStarted(String command) {
        StartKind kind = startKind;
        if (kind != null) {
            throw RequestFailure.of(EngineError.ALREADY_LAUNCHED, "'" + command + "' refused: the session already "
                    + (kind == StartKind.LAUNCH ? "launched" : "attached to") + " its debuggee");
        }
    }

    void markStarted(StartKind kind) {
        startKind = kind;
    }

    void markAuthenticated() {
        authenticated = true;
    }

    void markEnding() {
        ending = true;
    }

    boolean secretRequired() {
        return secretRequired;
    }

    boolean isAuthenticated() {
        return authenticated;
    }

    boolean isInitialized() {
        return initializeSeq != 0;
    }

    /** LAUNCH or ATTACH once the debuggee was reached, else null. */
    StartKind startKind() {
        return startKind;
    }

    boolean isStarted() {
        return startKind != null;
    }

    boolean isEnding() {
        return ending;
    }
}
