package dev.dapkit.client.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dapkit.model.RawJson;

/**
 * The client's part of the {@code initialize} arguments: it says it supports the
 * {@code runInTerminal} and {@code startDebugging} reverse requests exactly when it has a handler
 * for them, whatever the caller passed, since an adapter that believes the flags will send them.
 */
final class InitializeArguments {

    static final String COMMAND = "initialize";
    static final String RUN_IN_TERMINAL = "runInTerminal";
    static final String START_DEBUGGING = "startDebugging";

    private InitializeArguments() {
    }

    /** A copy of {@code arguments} with the two flags set from {@code reverseRequests}. */
    static RawJson withClientSupport(RawJson arguments, ReverseRequests reverseRequests) {
        ObjectNode object = RawArguments.toObject(arguments, COMMAND);
        object.put("supportsRunInTerminalRequest", reverseRequests.handles(RUN_IN_TERMINAL));
        object.put("supportsStartDebuggingRequest", reverseRequests.handles(START_DEBUGGING));
        return RawArguments.toRaw(object);
    }
}
