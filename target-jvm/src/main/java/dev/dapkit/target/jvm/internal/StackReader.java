package dev.dapkit.target.jvm.internal;

import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.Location;
import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.ThreadReference;
import dev.dapkit.server.spi.StackTracePage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackFramePresentationHint;

/**
 * Reads pages of a suspended thread's stack: one JDI call for the depth and one for the page's
 * frames, each shown as {@code Class.method(int, String)} at its file and line. JDK frames and
 * frames without source are marked subtle. What a frame shows of its method and class is worked
 * out once per method and class, not once per frame: a deep stack repeats the same few methods,
 * and a 1000-frame page spent most of its time formatting the same names again (see the JVM
 * target benchmark). Thread-safe.
 */
final class StackReader {

    private final SourcePaths sources;
    private final Map<Method, String> names = new ConcurrentHashMap<>();
    private final Map<ReferenceType, Boolean> excludedTypes = new ConcurrentHashMap<>();

    StackReader(SourcePaths sources) {
        this.sources = sources;
    }

    StackTracePage page(ThreadReference thread, int threadId, int start, int levels)
            throws IncompatibleThreadStateException {
        int total = thread.frameCount();
        int from = Math.min(start, total);
        int count = levels == 0 ? total - from : Math.min(levels, total - from);
        List<JvmFrame> frames = new ArrayList<>(count);
        if (count > 0) {
            List<com.sun.jdi.StackFrame> page = thread.frames(from, count);
            boolean canPop = thread.virtualMachine().canPopFrames();
            for (int i = 0; i < page.size(); i++) {
                Location location = page.get(i).location();
                int depth = from + i;
                boolean restartable = canPop && depth < total - 1 && !location.method().isNative();
                frames.add(new JvmFrame(thread, threadId, depth, location, describe(location), restartable));
            }
        }
        return new StackTracePage(frames, total);
    }

    private StackFrame describe(Location location) {
        StackFrame frame = new StackFrame();
        frame.setName(names.computeIfAbsent(location.method(), StackReader::name));
        ReferenceType type = location.declaringType();
        Source source = sources.sourceOf(type);
        frame.setSource(source);
        int line = location.lineNumber();
        frame.setLine(Math.max(line, 0));
        frame.setColumn(line > 0 ? 1 : 0);
        if (source.getPath() == null || excludedTypes.computeIfAbsent(type, t -> StepFilters.excluded(t.name()))) {
            frame.setPresentationHint(StackFramePresentationHint.SUBTLE);
        }
        return frame;
    }

    /** {@code Main.add(int, int)}; nested classes keep their binary name, {@code Outer$Inner.run()}. */
    static String name(Method method) {
        List<String> parameters = method.argumentTypeNames().stream()
                .map(n -> SourcePaths.simpleName(n)).toList();
        return SourcePaths.simpleName(method.declaringType().name()) + "." + method.name() + "("
                + String.join(", ", parameters) + ")";
    }
}
