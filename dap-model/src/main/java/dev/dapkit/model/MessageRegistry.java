package dev.dapkit.model;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/**
 * Binds every DAP command and event name to the types of its arguments, response body and event
 * body. {@link #standard()} holds the 43 requests of {@link IDebugProtocolServer}, the 2 reverse
 * requests and the 17 events of {@link IDebugProtocolClient}, read from LSP4J's own service
 * interfaces so the two can never disagree; applications add their own commands with
 * {@link #toBuilder()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class MessageRegistry {

    private static final MessageRegistry STANDARD = readLsp4jServices();

    private final Map<String, CommandBinding> commands;
    private final Map<String, EventBinding> events;

    private MessageRegistry(Map<String, CommandBinding> commands, Map<String, EventBinding> events) {
        this.commands = Collections.unmodifiableMap(new LinkedHashMap<>(commands));
        this.events = Collections.unmodifiableMap(new LinkedHashMap<>(events));
    }

    /** The commands and events of DAP as LSP4J Debug models them. */
    public static MessageRegistry standard() {
        return STANDARD;
    }

    /** The binding of a command (ordinary or reverse), if this registry knows it. */
    public Optional<CommandBinding> command(String command) {
        return Optional.ofNullable(commands.get(command));
    }

    /** The binding of an event, if this registry knows it. */
    public Optional<EventBinding> event(String event) {
        return Optional.ofNullable(events.get(event));
    }

    /** Every command, ordinary and reverse, in registration order. */
    public Collection<CommandBinding> commands() {
        return commands.values();
    }

    /** Every event, in registration order. */
    public Collection<EventBinding> events() {
        return events.values();
    }

    /**
     * The request's arguments bound to the type registered for its command; null when the request
     * carries none.
     *
     * @throws IllegalArgumentException when the command is not registered or the arguments do not
     *     fit its type
     */
    public Object bindArguments(Request request) {
        CommandBinding binding = commands.get(request.command());
        if (binding == null) {
            throw new IllegalArgumentException("unknown command '" + request.command() + "'");
        }
        if (request.arguments() == null || binding.argumentsType() == Void.class) {
            return null;
        }
        return request.arguments().bind(binding.argumentsType());
    }

    /** A builder that starts from this registry's bindings. */
    public Builder toBuilder() {
        return new Builder(commands, events);
    }

    /** A builder that starts empty. */
    public static Builder builder() {
        return new Builder(Map.of(), Map.of());
    }

    /** Collects bindings; not thread-safe. Names must be unique: a second binding for a name is refused. */
    public static final class Builder {
        private final Map<String, CommandBinding> commands;
        private final Map<String, EventBinding> events;

        private Builder(Map<String, CommandBinding> commands, Map<String, EventBinding> events) {
            this.commands = new LinkedHashMap<>(commands);
            this.events = new LinkedHashMap<>(events);
        }

        /** Adds a request the client sends to the adapter, e.g. an adapter's own {@code dumpHeap}. */
        public Builder command(String command, Type argumentsType, Type responseBodyType) {
            return add(new CommandBinding(command, argumentsType, responseBodyType,
                    CommandBinding.Direction.CLIENT_TO_ADAPTER));
        }

        /** Adds a reverse request: one the adapter sends to the client. */
        public Builder reverseCommand(String command, Type argumentsType, Type responseBodyType) {
            return add(new CommandBinding(command, argumentsType, responseBodyType,
                    CommandBinding.Direction.ADAPTER_TO_CLIENT));
        }

        /** Adds an event. */
        public Builder event(String event, Type bodyType) {
            EventBinding binding = new EventBinding(event, bodyType);
            if (events.putIfAbsent(event, binding) != null) {
                throw new IllegalArgumentException("event '" + event + "' is already registered as " + events.get(event));
            }
            return this;
        }

        private Builder add(CommandBinding binding) {
            if (commands.putIfAbsent(binding.command(), binding) != null) {
                throw new IllegalArgumentException("command '" + binding.command() + "' is already registered as "
                        + commands.get(binding.command()));
            }
            return this;
        }

        public MessageRegistry build() {
            return new MessageRegistry(commands, events);
        }
    }

    private static MessageRegistry readLsp4jServices() {
        Builder builder = builder();
        for (Method m : byName(IDebugProtocolServer.class)) {
            JsonRequest request = m.getAnnotation(JsonRequest.class);
            if (request != null) {
                builder.command(wireName(request.value(), m), argumentsType(m), futureResult(m));
            }
        }
        for (Method m : byName(IDebugProtocolClient.class)) {
            JsonRequest request = m.getAnnotation(JsonRequest.class);
            JsonNotification notification = m.getAnnotation(JsonNotification.class);
            if (request != null) {
                builder.reverseCommand(wireName(request.value(), m), argumentsType(m), futureResult(m));
            } else if (notification != null) {
                builder.event(wireName(notification.value(), m), argumentsType(m));
            }
        }
        return builder.build();
    }

    /** Reflection gives methods in no fixed order; sorting keeps {@link #commands()} stable. */
    private static List<Method> byName(Class<?> service) {
        List<Method> methods = new ArrayList<>(Arrays.asList(service.getMethods()));
        methods.sort(Comparator.comparing(Method::getName));
        return methods;
    }

    private static String wireName(String annotated, Method m) {
        return annotated.isEmpty() ? m.getName() : annotated;
    }

    private static Type argumentsType(Method m) {
        Type[] params = m.getGenericParameterTypes();
        return params.length == 0 ? Void.class : params[0];
    }

    private static Type futureResult(Method m) {
        Type returned = m.getGenericReturnType();
        if (returned instanceof ParameterizedType p && p.getRawType() == CompletableFuture.class) {
            return p.getActualTypeArguments()[0];
        }
        throw new IllegalStateException("LSP4J request method " + m + " does not return a CompletableFuture");
    }
}
