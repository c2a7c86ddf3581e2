package dev.dapkit.target.jvm.internal;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.ClassType;
import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.Location;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.event.ExceptionEvent;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.ExceptionBreakMode;
import org.eclipse.lsp4j.debug.ExceptionDetails;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;

/**
 * Describes the exception a thread stopped on ({@code exceptionInfo}): its type, message, where it
 * was thrown and its chain of causes, read from {@code Throwable}'s fields ({@code detailMessage},
 * {@code cause}) without running code in the debuggee. Stateless.
 */
final class ExceptionDescriber {

    /** Causes beyond this many are not listed (a cycle is stopped earlier). */
    private static final int MAX_CAUSES = 20;
    private static final int MAX_FRAMES = 100;

    private ExceptionDescriber() {
    }

    static ExceptionInfoResponse describe(ExceptionEvent event) throws IncompatibleThreadStateException {
        ObjectReference exception = event.exception();
        ExceptionDetails details = details(exception);
        details.setStackTrace(stackTrace(event.thread()));
        List<ExceptionDetails> causes = new ArrayList<>();
        Map<ObjectReference, Boolean> seen = new IdentityHashMap<>();
        seen.put(exception, true);
        ObjectReference cause = causeOf(exception);
        while (cause != null && causes.size() < MAX_CAUSES && seen.put(cause, true) == null) {
            causes.add(details(cause));
            cause = causeOf(cause);
        }
        ExceptionDetails innermost = details;
        for (ExceptionDetails c : causes) {
            innermost.setInnerException(new ExceptionDetails[] {c});
            innermost = c;
        }
        ExceptionInfoResponse info = new ExceptionInfoResponse();
        info.setExceptionId(exception.referenceType().name());
        String message = messageOf(exception);
        info.setDescription(message == null ? exception.referenceType().name()
                : exception.referenceType().name() + ": " + message);
        info.setBreakMode(event.catchLocation() == null ? ExceptionBreakMode.UNHANDLED : ExceptionBreakMode.ALWAYS);
        info.setDetails(details);
        return info;
    }

    private static ExceptionDetails details(ObjectReference exception) {
        ExceptionDetails details = new ExceptionDetails();
        details.setTypeName(SourcePaths.simpleName(exception.referenceType().name()));
        details.setFullTypeName(exception.referenceType().name());
        details.setMessage(messageOf(exception));
        return details;
    }

    /** The exception's {@code detailMessage}, or null. */
    static String messageOf(ObjectReference exception) {
        Value message = fieldValue(exception, "detailMessage");
        return message instanceof StringReference s ? s.value() : null;
    }

    /** The exception's cause, or null (a {@code cause} field pointing at itself means none). */
    private static ObjectReference causeOf(ObjectReference exception) {
        Value cause = fieldValue(exception, "cause");
        return cause instanceof ObjectReference c && !c.equals(exception) ? c : null;
    }

    /** A field of the object's class or a superclass, private ones included (Throwable's are private). */
    private static Value fieldValue(ObjectReference object, String name) {
        for (ClassType type = object.referenceType() instanceof ClassType c ? c : null; type != null;
                type = type.superclass()) {
            for (Field field : type.fields()) {
                if (field.name().equals(name) && !field.isStatic()) {
                    return object.getValue(field);
                }
            }
        }
        return null;
    }

    /** The thread's stack where it stopped, as {@code Throwable.printStackTrace} prints it. */
    private static String stackTrace(ThreadReference thread) throws IncompatibleThreadStateException {
        StringBuilder text = new StringBuilder();
        List<StackFrame> frames = thread.frames(0, Math.min(thread.frameCount(), MAX_FRAMES));
        for (StackFrame frame : frames) {
            Location at = frame.location();
            text.append("\tat ").append(at.declaringType().name()).append('.').append(at.method().name()).append('(');
            try {
                text.append(at.sourceName());
                if (at.lineNumber() >= 0) {
                    text.append(':').append(at.lineNumber());
                }
            } catch (AbsentInformationException e) {
                text.append(at.method().isNative() ? "Native Method" : "Unknown Source");
            }
            text.append(")\n");
        }
        return text.toString();
    }
}
