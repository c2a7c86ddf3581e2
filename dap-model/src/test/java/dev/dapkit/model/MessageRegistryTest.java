package dev.dapkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.RunInTerminalRequestArguments;
import org.eclipse.lsp4j.debug.RunInTerminalResponse;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.Test;

class MessageRegistryTest {

    private final MessageRegistry registry = MessageRegistry.standard();

    @Test
    void holdsEveryRequestReverseRequestAndEventOfDap() {
        long toAdapter = registry.commands().stream()
                .filter(c -> c.direction() == CommandBinding.Direction.CLIENT_TO_ADAPTER).count();
        long reverse = registry.commands().stream()
                .filter(c -> c.direction() == CommandBinding.Direction.ADAPTER_TO_CLIENT).count();
        assertEquals(43, toAdapter);
        assertEquals(2, reverse);
        assertEquals(17, registry.events().size());
    }

    @Test
    void bindsCommandsToLsp4jTypes() {
        CommandBinding stackTrace = registry.command("stackTrace").orElseThrow();
        assertEquals(StackTraceArguments.class, stackTrace.argumentsType());
        assertEquals(StackTraceResponse.class, stackTrace.responseBodyType());

        CommandBinding runInTerminal = registry.command("runInTerminal").orElseThrow();
        assertEquals(RunInTerminalRequestArguments.class, runInTerminal.argumentsType());
        assertEquals(RunInTerminalResponse.class, runInTerminal.responseBodyType());
        assertEquals(CommandBinding.Direction.ADAPTER_TO_CLIENT, runInTerminal.direction());

        assertFalse(registry.command("configurationDone").orElseThrow().hasResponseBody());
        assertEquals(StoppedEventArguments.class, registry.event("stopped").orElseThrow().bodyType());
        assertEquals(Void.class, registry.event("initialized").orElseThrow().bodyType());
    }

    @Test
    void usesWireNamesWhereJavaNeededAnother() {
        assertEquals(ContinueArguments.class, registry.command("continue").orElseThrow().argumentsType());
        assertTrue(registry.command("goto").isPresent());
        assertTrue(registry.command("continue_").isEmpty());
    }

    @Test
    void launchArgumentsStayAMapWithIntegersIntact() {
        Request launch = new Request(1, "launch",
                RawJson.parse("{\"port\":5005,\"big\":12345678901234567,\"program\":\"a.py\"}"), Map.of());
        Object bound = registry.bindArguments(launch);
        Map<?, ?> args = assertInstanceOf(Map.class, bound);
        assertEquals(5005, args.get("port"));
        assertEquals(12345678901234567L, args.get("big"));
    }

    @Test
    void bindsArgumentsOfAKnownCommand() {
        Request request = new Request(3, "stackTrace", RawJson.parse("{\"threadId\":7,\"levels\":20}"), Map.of());
        StackTraceArguments args = assertInstanceOf(StackTraceArguments.class, registry.bindArguments(request));
        assertEquals(7, args.getThreadId());
        assertEquals(20, args.getLevels());
        assertNull(registry.bindArguments(new Request(4, "threads", null, Map.of())));
    }

    @Test
    void acceptsCustomCommandsAndRefusesDuplicates() {
        MessageRegistry custom = registry.toBuilder()
                .command("dumpHeap", new TypeReference<Map<String, Object>>() { }.getType(), String.class)
                .event("heapDumped", String.class)
                .build();
        assertTrue(custom.command("dumpHeap").isPresent());
        assertTrue(custom.event("heapDumped").isPresent());
        assertTrue(registry.command("dumpHeap").isEmpty(), "the standard registry is not changed");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.toBuilder().command("stackTrace", Object.class, Object.class));
        assertTrue(e.getMessage().contains("'stackTrace' is already registered"), e.getMessage());
    }

    @Test
    void unknownCommandIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.bindArguments(new Request(5, "frobnicate", null, Map.of())));
        assertTrue(e.getMessage().contains("frobnicate"), e.getMessage());
    }
}
