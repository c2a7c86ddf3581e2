package dev.dapkit.target.jvm.internal;

import com.sun.jdi.Location;
import com.sun.jdi.Method;
import java.util.List;

/**
 * Where a step never stops: in the JDK's own classes (excluded on the step request itself, so JDI
 * steps through them), and in compiler-made methods (bridges, accessors; lambda bodies are
 * user code and stay) or code without line numbers, which the target steps on through. Stateless.
 */
final class StepFilters {

    /** Class patterns a step request excludes. */
    static final List<String> EXCLUDED_CLASSES = List.of("java.*", "javax.*", "jdk.*", "sun.*", "com.sun.*");

    private StepFilters() {
    }

    /** Whether a step that landed here must go on instead of stopping. */
    static boolean skips(Location location) {
        Method method = location.method();
        if (location.lineNumber() < 0) {
            return true;
        }
        if (method.isBridge()) {
            return true;
        }
        return method.isSynthetic() && !method.name().startsWith("lambda$");
    }

    /** Whether a class is one a step does not stop in. */
    static boolean excluded(String className) {
        for (String pattern : EXCLUDED_CLASSES) {
            if (className.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
