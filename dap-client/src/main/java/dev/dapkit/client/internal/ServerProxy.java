package dev.dapkit.client.internal;

import dev.dapkit.model.CommandBinding;
import dev.dapkit.model.MessageRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/**
 * The typed face of a client: an {@link IDebugProtocolServer} whose every request method sends
 * the command named by the method's {@link JsonRequest} annotation, bound through
 * {@link MessageRegistry#standard()}, and returns the request's own future. The table from
 * method to command is read once per JVM.
 *
 * <p>The proxy is thread-safe. Arguments are sent as given: a {@code Map} (such as
 * {@code launch}'s) is written as raw JSON, keeping integers and adapter-specific keys.
 */
final class ServerProxy implements InvocationHandler {

    private static final Map<Method, CommandBinding> COMMANDS = readCommands();

    private final ClientCore core;
    private final Duration timeout;

    private ServerProxy(ClientCore core, Duration timeout) {
        this.core = core;
        this.timeout = timeout;
    }

    /**
     * A proxy sending through {@code core}.
     *
     * @param timeout the timeout of every request made through it, or null for the client's
     *     per-command defaults
     */
    static IDebugProtocolServer create(ClientCore core, Duration timeout) {
        return (IDebugProtocolServer) Proxy.newProxyInstance(IDebugProtocolServer.class.getClassLoader(),
                new Class<?>[] {IDebugProtocolServer.class}, new ServerProxy(core, timeout));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
        }
        CommandBinding binding = COMMANDS.get(method);
        if (binding == null) {
            // Every abstract or default method of the interface carries @JsonRequest; a new LSP4J may add others.
            throw new IllegalStateException("IDebugProtocolServer." + method.getName()
                    + " has no @JsonRequest command known to MessageRegistry.standard()");
        }
        Object arguments = args == null || args.length == 0 ? null : args[0];
        return core.request(binding.command(), arguments, binding.responseBodyType(), timeout);
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return "IDebugProtocolServer proxy of " + core.description();
        }
    }

    private static Map<Method, CommandBinding> readCommands() {
        MessageRegistry registry = MessageRegistry.standard();
        Map<Method, CommandBinding> commands = new HashMap<>();
        for (Method method : IDebugProtocolServer.class.getMethods()) {
            JsonRequest request = method.getAnnotation(JsonRequest.class);
            if (request == null) {
                continue;
            }
            String command = request.value().isEmpty() ? method.getName() : request.value();
            CommandBinding binding = registry.command(command).orElseThrow(() -> new IllegalStateException(
                    "MessageRegistry.standard() does not know '" + command + "' of IDebugProtocolServer." + method.getName()));
            commands.put(method, binding);
        }
        return Map.copyOf(commands);
    }
}
