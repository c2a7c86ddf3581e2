package dev.dapkit.testkit.fake;

import dev.dapkit.model.DapError;
import dev.dapkit.server.spi.TargetException;

/** The errors the fake target answers requests with; each has its own id and says what and where. */
final class TargetErrors {

    private TargetErrors() {
    }

    static TargetException launchSettings(String problem) {
        return TargetException.of(3001, problem);
    }

    static TargetException cannotLoad(String problem) {
        return TargetException.of(3002, problem);
    }

    static TargetException cannotAttach(String problem) {
        return TargetException.of(3003, problem);
    }

    static TargetException noSession(String request) {
        return TargetException.of(3004, request + " needs a program: launch or attach first");
    }

    static TargetException notStopped(String request) {
        return new TargetException(DapError.of(3005, request + " needs the program stopped, but it is running"),
                "notStopped", null);
    }

    static TargetException unknownThread(int threadId, Object live) {
        return TargetException.of(3006, "there is no thread " + threadId + " (threads now: " + live + ")");
    }

    static TargetException badExpression(String expression, String problem) {
        return TargetException.of(3007, "cannot parse '" + expression + "': " + problem);
    }

    static TargetException evaluationFailed(String expression, String error) {
        return TargetException.of(3008, "evaluating '" + expression + "' failed: " + error);
    }

    static TargetException cancelled(String expression) {
        return new TargetException(DapError.of(3009, "evaluating '" + expression + "' was cancelled"), "cancelled", null);
    }

    static TargetException programEnded(String what) {
        return TargetException.of(3010, what + " stopped because the program ended");
    }

    static TargetException cannotSet(String name, String problem) {
        return TargetException.of(3011, "cannot set '" + name + "': " + problem);
    }

    static TargetException noSource(String path, Object files) {
        return TargetException.of(3012, "the program has no source " + path + " (its files: " + files + ")");
    }

    static TargetException noException(int threadId) {
        return TargetException.of(3013, "thread " + threadId + " is not stopped on an error");
    }

    static TargetException foreign(String what, Object given) {
        return TargetException.of(3014, "the " + what + " " + given + " was not made by this fake target");
    }
}
