package dev.dapkit.server.internal;

import dev.dapkit.model.CommandBinding;
import dev.dapkit.model.MessageRegistry;
import dev.dapkit.model.RawJson;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The commands a session serves, each with its typed handler and what it requires. A command is
 * registered under the name {@link MessageRegistry} binds, with the very arguments type the
 * registry gives it (or {@link RawJson} for commands whose arguments stay raw: launch, attach,
 * restart), so a handler can never be registered with the wrong type.
 *
 * <p>Filled once when a session starts, then only read; not thread-safe while being filled.
 */
final class HandlerTable {

    private final MessageRegistry registry;
    private final Map<String, Entry<?>> handlers = new HashMap<>();

    HandlerTable(MessageRegistry registry) {
        this.registry = registry;
    }

    /**
     * Registers {@code handler} for {@code command}.
     *
     * @throws IllegalStateException when the registry does not bind {@code command} to
     *     {@code argumentsType}, or the command has a handler already
     */
    <A> HandlerTable on(String command, Class<A> argumentsType, Requirement requirement, CommandHandler<A> handler) {
        CommandBinding binding = registry.command(command).orElseThrow(() -> new IllegalStateException(
                "command '" + command + "' is not in the message registry"));
        Type expected = binding.argumentsType();
        if (argumentsType != RawJson.class && !expected.equals(argumentsType)) {
            throw new IllegalStateException("handler for '" + command + "' takes " + argumentsType.getName()
                    + " but the registry binds its arguments to " + expected.getTypeName());
        }
        if (handlers.putIfAbsent(command, new Entry<>(argumentsType, requirement, handler)) != null) {
            throw new IllegalStateException("command '" + command + "' has two handlers");
        }
        return this;
    }

    /** The handler of {@code command}, if one is registered. */
    Optional<Entry<?>> find(String command) {
        return Optional.ofNullable(handlers.get(command));
    }

    /** Whether DAP (as the registry knows it) defines {@code command} at all. */
    boolean isKnownCommand(String command) {
        return registry.command(command).filter(b -> b.direction() == CommandBinding.Direction.CLIENT_TO_ADAPTER)
                .isPresent();
    }

    /** One registered command. */
    record Entry<A>(Class<A> argumentsType, Requirement requirement, CommandHandler<A> handler) {

        /** Binds the arguments and runs the handler. */
        Object invoke(PendingRequest request) throws dev.dapkit.server.spi.TargetException {
            A arguments = ArgumentsBinder.bind(request.request(), argumentsType);
            return handler.handle(request, arguments);
        }
    }
}
