package dev.dapkit.testkit.fake;

import dev.dapkit.server.spi.TargetFrame;
import dev.dapkit.testkit.fake.internal.Frame;
import dev.dapkit.testkit.fake.internal.SourceFile;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;

/**
 * A frame of a suspended fake thread, handed to the engine in a stack trace and back in
 * {@code scopes} and {@code evaluate}. Valid until the program resumes (the engine then forgets it).
 */
record FakeFrame(Frame frame) implements TargetFrame {

    @Override
    public StackFrame describe() {
        StackFrame described = new StackFrame();
        described.setName(frame.function());
        described.setSource(source(frame.file()));
        described.setLine(frame.line());
        described.setColumn(frame.column());
        return described;
    }

    /** A file as DAP names it: the target's own path, which the engine maps to the client's. */
    static Source source(SourceFile file) {
        Source source = new Source();
        source.setName(file.name());
        source.setPath(file.path());
        return source;
    }
}
