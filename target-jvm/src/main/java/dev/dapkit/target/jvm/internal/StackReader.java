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
 * Reads pages of a suspended thread's stack (the whole stack with one JDI call per stop), each
 * frame shown as {@code Class.method(int, String)} at its file and line. JDK frames and frames
 * without source are marked subtle. What a frame shows of its method and class is worked
 * out once per method and class, not once per frame: a deep stack repeats the same few methods,
 * and a 1000-frame page spent most of its time formatting the same names again (see the JVM
 * target benchmark). Thread-safe.
 */
final class StackReader {

    /** How many code positions {@link #describe} remembers before it starts afresh. */
    private static final int MAX_POSITIONS = 10_000;

    private final SourcePaths sources;
    private final Map<Method, String> names = new ConcurrentHashMap<>();
    private final Map<ReferenceType, Boolean> excludedTypes = new ConcurrentHashMap<>();
    /**
     * What each code position shows, shared by every frame at it: a deep recursion is a thousand
     * frames at two or three positions, and working out a position's line and file was most of the
     * target's part of a 1000-frame page. The engine only reads what it is given.
     */
    private final Map<Location, StackFrame> shownAt = new ConcurrentHashMap<>();

    StackReader(SourcePaths sources) {
        this.sources = sources;
    }

    StackTracePage page(ThreadReference thread, int threadId, int start, int levels)
            throws IncompatibleThreadStateException {
        // the whole stack in one JDWP command, which JDI keeps until the thread resumes: the total
        // comes with it, and the next pages cost nothing. FrameCount first (to page exactly) made
        // the debuggee walk the stack twice: a millisecond per 1000 frames, a round trip per page.
        List<com.sun.jdi.StackFrame> stack = thread.frames();
        int total = stack.size();
        int from = Math.min(start, total);
        int count = levels == 0 ? total - from : Math.min(levels, total - from);
        List<JvmFrame> frames = new ArrayList<>(count);
        boolean canPop = count > 0 && thread.virtualMachine().canPopFrames();
        for (int depth = from; depth < from + count; depth++) {
            Location location = stack.get(depth).location();
            boolean restartable = canPop && depth < total - 1 && !location.method().isNative();
            frames.add(new JvmFrame(thread, threadId, depth, location, describe(location), restartable));
        }
        return new StackTracePage(frames, total);
    }

    private StackFrame describe(Location location) {
        StackFrame known = shownAt.get(location);
        if (known != null) {
            return known;
        }
        StackFrame made = describeAnew(location);
        if (shownAt.size() >= MAX_POSITIONS) {
            // a program that ran through this many positions will not miss the early ones
            shownAt.clear();
        }
        shownAt.put(location, made);
        return made;
    }

    private StackFrame describeAnew(Location location) {
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
