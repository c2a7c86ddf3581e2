package dev.dapkit.target.jvm.internal;

import dev.dapkit.model.DapError;
import dev.dapkit.server.spi.TargetException;

/**
 * The errors the JVM target answers requests with. Each kind has its own DAP error id (21xx), and
 * each message says what failed and where. Stateless.
 */
final class JvmErrors {

    private JvmErrors() {
    }

    static TargetException badArguments(String problem) {
        return TargetException.of(2101, problem);
    }

    static TargetException cannotLaunch(String problem) {
        return TargetException.of(2102, problem);
    }

    static TargetException cannotAttach(String problem) {
        return TargetException.of(2103, problem);
    }

    static TargetException noDebuggee(String request) {
        return TargetException.of(2104, request + " needs a JVM: launch or attach first");
    }

    static TargetException notStopped(String request, String what) {
        return new TargetException(DapError.of(2105, request + " needs " + what + " suspended, but it is running"),
                "notStopped", null);
    }

    static TargetException unknownThread(int threadId) {
        return TargetException.of(2106, "there is no thread " + threadId + " in the JVM (it ended, or never existed):"
                + " ask 'threads' for the live ones");
    }

    static TargetException debuggeeGone(String request) {
        return TargetException.of(2107, request + " failed: the JVM is gone (it exited or the debug connection"
                + " dropped)");
    }

    static TargetException foreign(String what, Object given) {
        return TargetException.of(2108, "the " + what + " " + given + " was not made by this JVM target");
    }

    static TargetException noException(int threadId) {
        return TargetException.of(2109, "thread " + threadId + " is not stopped on an exception");
    }

    static TargetException cannotSet(String name, String problem) {
        return TargetException.of(2110, "cannot set '" + name + "': " + problem);
    }

    static TargetException invocationFailed(String what, String problem) {
        return TargetException.of(2111, what + " failed: " + problem);
    }

    static TargetException noSource(String source, String why) {
        return TargetException.of(2112, "no source text for " + source + ": " + why);
    }

    static TargetException staleFrame(String request) {
        return TargetException.of(2113, request + " failed: the frame no longer exists (the thread ran on or the"
                + " frame was popped)");
    }

    static TargetException cannotRestart(String frame, String why) {
        return TargetException.of(2114, "cannot restart frame " + frame + ": " + why);
    }

    static TargetException cancelled(String what) {
        return new TargetException(DapError.of(2115, what + " was cancelled"), "cancelled", null);
    }

    static TargetException unsupported(String what, String why) {
        return TargetException.of(2116, what + " is not possible: " + why);
    }

    static TargetException jdwpFailure(String request, String problem) {
        return TargetException.of(2117, request + " failed in the JVM's debug agent: " + problem);
    }

    static TargetException objectCollected(String request) {
        return TargetException.of(2118, request + " failed: the object was garbage collected");
    }

    static TargetException evaluationFailed(String expression, String problem) {
        return TargetException.of(2119, "cannot evaluate '" + expression + "': " + problem);
    }
}
