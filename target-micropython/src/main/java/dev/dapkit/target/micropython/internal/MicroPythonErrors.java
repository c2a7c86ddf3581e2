package dev.dapkit.target.micropython.internal;

import dev.dapkit.model.DapError;
import dev.dapkit.server.spi.TargetException;

/**
 * The errors the MicroPython target answers requests with. Each kind has its own DAP error id
 * (22xx), and each message says what failed and where. Stateless.
 */
public final class MicroPythonErrors {

    private MicroPythonErrors() {
    }

    public static TargetException badArguments(String problem) {
        return TargetException.of(2201, problem);
    }

    static TargetException cannotLaunch(String problem) {
        return TargetException.of(2202, problem);
    }

    static TargetException cannotAttach(String problem) {
        return TargetException.of(2203, problem);
    }

    static TargetException noAgent(String request) {
        return TargetException.of(2204, request + " needs a MicroPython agent: launch or attach first");
    }

    static TargetException agentRefused(String command, String address, String message) {
        return TargetException.of(2205, "the MicroPython agent at " + address + " could not do '" + command + "': "
                + message);
    }

    static TargetException noAnswer(String command, String address, long millis) {
        return TargetException.of(2206, "the MicroPython agent at " + address + " did not answer '" + command
                + "' within " + seconds(millis));
    }

    static TargetException linkClosed(String command, String reason) {
        return TargetException.of(2207, "'" + command + "' failed: " + reason);
    }

    static TargetException foreign(String what, Object given) {
        return TargetException.of(2208, "the " + what + " " + given + " was not made by this MicroPython target");
    }

    static TargetException noException(int threadId) {
        return TargetException.of(2209, "thread " + threadId + " is not stopped on an exception");
    }

    static TargetException noLocals(String what) {
        return TargetException.of(2210, what + " is not possible: locals need firmware with f_locals");
    }

    static TargetException hoverRefused(String expression) {
        return TargetException.of(2211, "hover evaluates names, attributes, literals, indexes and operators only,"
                + " so that hovering never runs the program's code; '" + expression + "' calls, assigns or iterates"
                + " (evaluate it in the console or as a watch)");
    }

    static TargetException noFrame(String request) {
        return TargetException.of(2212, request + " needs a stopped frame: the MicroPython agent evaluates in a"
                + " frame of a stopped thread");
    }

    static TargetException cancelled(String command) {
        return new TargetException(DapError.of(2213, "'" + command + "' was cancelled"), "cancelled", null);
    }

    static TargetException noSource(String path, String why) {
        return TargetException.of(2214, "no source text for " + path + ": " + why);
    }

    static TargetException unknownThread(int threadId) {
        return TargetException.of(2215, "there is no thread " + threadId + " in the program (it ended, or never"
                + " existed): ask 'threads' for the live ones");
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
