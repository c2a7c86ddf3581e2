package dev.dapkit.server.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/**
 * The DAP requests an LSP4J-style server class serves: every method annotated
 * {@link JsonRequest} in the class's interfaces and superclasses (annotations on interface methods
 * are not inherited by the implementing methods, so they are looked up where they are declared),
 * by wire name. Computed once per class.
 *
 * <p>Immutable and thread-safe.
 */
final class Lsp4jServerMethods {

    /** One request method: how it is called and what its argument binds to (null for none). */
    record RequestMethod(String command, Method method, Type argumentType) {
    }

    private static final ClassValue<Lsp4jServerMethods> BY_CLASS = new ClassValue<>() {
        @Override
        protected Lsp4jServerMethods computeValue(Class<?> type) {
            return new Lsp4jServerMethods(type);
        }
    };

    private final Map<String, RequestMethod> methods = new HashMap<>();

    private Lsp4jServerMethods(Class<?> type) {
        Deque<Class<?>> todo = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (c == null || c == Object.class || !seen.add(c)) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                JsonRequest request = m.getAnnotation(JsonRequest.class);
                if (request == null || m.getParameterCount() > 1 || m.isSynthetic()) {
                    continue;
                }
                String command = request.value().isEmpty() ? m.getName() : request.value();
                // Public interface methods need nothing; a server's own methods may sit in a package
                // not opened to dapkit, and are then called only if public.
                m.trySetAccessible();
                methods.putIfAbsent(command, new RequestMethod(command, m,
                        m.getParameterCount() == 0 ? null : m.getGenericParameterTypes()[0]));
            }
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            todo.addAll(List.of(c.getInterfaces()));
        }
    }

    static Lsp4jServerMethods of(Class<?> type) {
        return BY_CLASS.get(type);
    }

    Optional<RequestMethod> find(String command) {
        return Optional.ofNullable(methods.get(command));
    }
}
