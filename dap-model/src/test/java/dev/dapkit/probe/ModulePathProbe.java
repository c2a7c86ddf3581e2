package dev.dapkit.probe;

import dev.dapkit.model.RawJson;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackFramePresentationHint;
import org.eclipse.lsp4j.debug.StackTraceResponse;

/**
 * Run by {@code ModulePathTest} in a JVM where dapkit is a named module and LSP4J an automatic one:
 * prints what a round trip through the fast codec gives. Outside dapkit's packages, so that it can
 * sit on the class path beside the module.
 */
public final class ModulePathProbe {

    private ModulePathProbe() {
    }

    public static void main(String[] args) throws Exception {
        StackFrame frame = new StackFrame();
        frame.setId(3);
        // the fast codec writes the emoji as UTF-8 where Jackson would escape it: a sign of which wrote it
        frame.setName("x\ud83d\ude00");
        frame.setPresentationHint(StackFramePresentationHint.LABEL);
        StackTraceResponse response = new StackTraceResponse();
        response.setStackFrames(new StackFrame[] {frame});
        RawJson raw = RawJson.from(response);
        Field name = StackFrame.class.getDeclaredField("name");
        System.out.println("modules: " + RawJson.class.getModule().getName() + ", "
                + StackFrame.class.getModule().getName() + " automatic="
                + StackFrame.class.getModule().getDescriptor().isAutomatic());
        System.out.println("json: " + new String(raw.toByteArray(), StandardCharsets.US_ASCII).replace("\ufffd", "?"));
        System.out.println("equal: " + raw.bind(StackTraceResponse.class).equals(response));
        System.out.println("setAccessible: " + name.canAccess(frame));
    }
}
