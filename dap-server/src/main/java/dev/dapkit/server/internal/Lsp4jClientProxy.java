package dev.dapkit.server.internal;

import dev.dapkit.model.Event;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/**
 * The {@link IDebugProtocolClient} an LSP4J-style server talks to: each {@link JsonNotification}
 * method sends an event through the session's sequencer, each {@link JsonRequest} method sends a
 * reverse request and returns the future of its response.
 *
 * <p>Thread-safe, like the sequencer and reverse requests behind it.
 */
final class Lsp4jClientProxy implements InvocationHandler {

    private final MessageSequencer sequencer;
    private final ClientRequests requests;
    private final String description;

    private Lsp4jClientProxy(MessageSequencer sequencer, ClientRequests requests, String description) {
        this.sequencer = sequencer;
        this.requests = requests;
        this.description = description;
    }

    static IDebugProtocolClient create(MessageSequencer sequencer, ClientRequests requests, String description) {
        return (IDebugProtocolClient) Proxy.newProxyInstance(IDebugProtocolClient.class.getClassLoader(),
                new Class<?>[] {IDebugProtocolClient.class}, new Lsp4jClientProxy(sequencer, requests, description));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        Object argument = args == null || args.length == 0 ? null : args[0];
        JsonNotification notification = method.getAnnotation(JsonNotification.class);
        if (notification != null) {
            sequencer.send(Event.of(name(notification.value(), method), argument));
            return null;
        }
        JsonRequest request = method.getAnnotation(JsonRequest.class);
        if (request != null) {
            CompletableFuture<Object> result = requests.send(name(request.value(), method), argument);
            return result;
        }
        return switch (method.getName()) {
            case "toString" -> "IDebugProtocolClient[" + description + "]";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == argument;
            default -> throw new IllegalStateException(method + " is neither a DAP event nor a reverse request");
        };
    }

    private static String name(String annotated, Method method) {
        return annotated.isEmpty() ? method.getName() : annotated;
    }
}
