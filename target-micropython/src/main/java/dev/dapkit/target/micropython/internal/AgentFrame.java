package dev.dapkit.target.micropython.internal;

import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourcePresentationHint;
import org.eclipse.lsp4j.debug.StackFrame;
import dev.dapkit.server.spi.TargetFrame;

/**
 * A frame of a stopped thread as the agent numbered it ({@code 1} is the top); valid until the
 * thread resumes. Immutable.
 *
 * @param threadId the agent's thread id
 * @param id the agent's frame id
 * @param name the function's name ({@code <module>} for a file's top level)
 * @param file the file's path on the device, or a pseudo-name such as {@code <stdin>}
 * @param line the 1-based line
 */
record AgentFrame(int threadId, int id, String name, String file, int line) implements TargetFrame {

    @Override
    public StackFrame describe() {
        StackFrame frame = new StackFrame();
        frame.setName(name);
        frame.setLine(line);
        frame.setColumn(line > 0 ? 1 : 0);
        if (file != null && !file.isEmpty()) {
            Source source = new Source();
            source.setName(DevicePaths.fileName(file));
            if (DevicePaths.isPseudoFile(file)) {
                source.setPresentationHint(SourcePresentationHint.DEEMPHASIZE);
            } else {
                source.setPath(file);
            }
            frame.setSource(source);
        }
        return frame;
    }

    @Override
    public String toString() {
        return "frame " + id + " (" + name + " at " + file + ":" + line + ") of thread " + threadId;
    }
}
