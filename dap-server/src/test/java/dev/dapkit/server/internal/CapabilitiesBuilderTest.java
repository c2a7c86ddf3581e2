package dev.dapkit.server.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.dapkit.server.spi.CompletionProvider;
import dev.dapkit.server.spi.DataBreakpoints;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.Evaluator;
import dev.dapkit.server.spi.ExceptionBreakpoints;
import dev.dapkit.server.spi.ExceptionInfoProvider;
import dev.dapkit.server.spi.ExpressionSetter;
import dev.dapkit.server.spi.FrameRestarter;
import dev.dapkit.server.spi.FunctionBreakpoints;
import dev.dapkit.server.spi.GranularStepping;
import dev.dapkit.server.spi.LoadedSourcesProvider;
import dev.dapkit.server.spi.ModulesProvider;
import dev.dapkit.server.spi.NativeBreakpointConditions;
import dev.dapkit.server.spi.Restartable;
import dev.dapkit.server.spi.SingleThreadExecution;
import dev.dapkit.server.spi.SourceProvider;
import dev.dapkit.server.spi.VariableSetter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each SPI capability interface turns on exactly its DAP flags, and nothing else does. */
class CapabilitiesBuilderTest {

    /** Every flag the builder decides, by name. */
    private static final Map<String, Function<Capabilities, Boolean>> FLAGS = new TreeMap<>();

    static {
        FLAGS.put("supportsConfigurationDoneRequest", Capabilities::getSupportsConfigurationDoneRequest);
        FLAGS.put("supportsHitConditionalBreakpoints", Capabilities::getSupportsHitConditionalBreakpoints);
        FLAGS.put("supportsCancelRequest", Capabilities::getSupportsCancelRequest);
        FLAGS.put("supportsTerminateRequest", Capabilities::getSupportsTerminateRequest);
        FLAGS.put("supportTerminateDebuggee", Capabilities::getSupportTerminateDebuggee);
        FLAGS.put("supportsDelayedStackTraceLoading", Capabilities::getSupportsDelayedStackTraceLoading);
        FLAGS.put("supportsConditionalBreakpoints", Capabilities::getSupportsConditionalBreakpoints);
        FLAGS.put("supportsLogPoints", Capabilities::getSupportsLogPoints);
        FLAGS.put("supportsEvaluateForHovers", Capabilities::getSupportsEvaluateForHovers);
        FLAGS.put("supportsClipboardContext", Capabilities::getSupportsClipboardContext);
        FLAGS.put("supportsSetVariable", Capabilities::getSupportsSetVariable);
        FLAGS.put("supportsSetExpression", Capabilities::getSupportsSetExpression);
        FLAGS.put("supportsFunctionBreakpoints", Capabilities::getSupportsFunctionBreakpoints);
        FLAGS.put("supportsDataBreakpoints", Capabilities::getSupportsDataBreakpoints);
        FLAGS.put("supportsCompletionsRequest", Capabilities::getSupportsCompletionsRequest);
        FLAGS.put("supportsExceptionInfoRequest", Capabilities::getSupportsExceptionInfoRequest);
        FLAGS.put("supportsModulesRequest", Capabilities::getSupportsModulesRequest);
        FLAGS.put("supportsLoadedSourcesRequest", Capabilities::getSupportsLoadedSourcesRequest);
        FLAGS.put("supportsRestartRequest", Capabilities::getSupportsRestartRequest);
        FLAGS.put("supportsRestartFrame", Capabilities::getSupportsRestartFrame);
        FLAGS.put("supportsSteppingGranularity", Capabilities::getSupportsSteppingGranularity);
        FLAGS.put("supportsSingleThreadExecutionRequests", Capabilities::getSupportsSingleThreadExecutionRequests);
        FLAGS.put("supportsExceptionOptions", Capabilities::getSupportsExceptionOptions);
        FLAGS.put("supportsExceptionFilterOptions", Capabilities::getSupportsExceptionFilterOptions);
        FLAGS.put("supportsValueFormattingOptions", Capabilities::getSupportsValueFormattingOptions);
        FLAGS.put("supportsStepBack", Capabilities::getSupportsStepBack);
        FLAGS.put("supportsGotoTargetsRequest", Capabilities::getSupportsGotoTargetsRequest);
        FLAGS.put("supportsReadMemoryRequest", Capabilities::getSupportsReadMemoryRequest);
        FLAGS.put("supportsDisassembleRequest", Capabilities::getSupportsDisassembleRequest);
        FLAGS.put("supportsBreakpointLocationsRequest", Capabilities::getSupportsBreakpointLocationsRequest);
    }

    /** What the engine does for every target, whatever it implements. */
    private static final List<String> ALWAYS = List.of("supportsConfigurationDoneRequest",
            "supportsHitConditionalBreakpoints", "supportsCancelRequest", "supportsTerminateRequest",
            "supportTerminateDebuggee", "supportsDelayedStackTraceLoading");

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(List.of(), List.of()),
                Arguments.of(List.of(Evaluator.class), List.of("supportsConditionalBreakpoints", "supportsLogPoints",
                        "supportsEvaluateForHovers", "supportsClipboardContext")),
                Arguments.of(List.of(NativeBreakpointConditions.class),
                        List.of("supportsConditionalBreakpoints", "supportsLogPoints")),
                Arguments.of(List.of(VariableSetter.class), List.of("supportsSetVariable")),
                Arguments.of(List.of(ExpressionSetter.class), List.of("supportsSetExpression")),
                Arguments.of(List.of(FunctionBreakpoints.class), List.of("supportsFunctionBreakpoints")),
                Arguments.of(List.of(DataBreakpoints.class), List.of("supportsDataBreakpoints")),
                Arguments.of(List.of(CompletionProvider.class), List.of("supportsCompletionsRequest")),
                Arguments.of(List.of(ExceptionInfoProvider.class), List.of("supportsExceptionInfoRequest")),
                Arguments.of(List.of(ModulesProvider.class), List.of("supportsModulesRequest")),
                Arguments.of(List.of(LoadedSourcesProvider.class), List.of("supportsLoadedSourcesRequest")),
                Arguments.of(List.of(Restartable.class), List.of("supportsRestartRequest")),
                Arguments.of(List.of(FrameRestarter.class), List.of("supportsRestartFrame")),
                Arguments.of(List.of(GranularStepping.class), List.of("supportsSteppingGranularity")),
                Arguments.of(List.of(SingleThreadExecution.class), List.of("supportsSingleThreadExecutionRequests")),
                Arguments.of(List.of(ExceptionBreakpoints.class), List.of("supportsExceptionFilterOptions")),
                Arguments.of(List.of(SourceProvider.class), List.of()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("table")
    void eachCapabilityTurnsOnItsFlags(List<Class<?>> implemented, List<String> expectedOn) throws Exception {
        DebugTarget target = implemented.isEmpty() ? mock(DebugTarget.class)
                : mock(DebugTarget.class, withSettings().extraInterfaces(implemented.toArray(Class<?>[]::new)));
        Capabilities c = CapabilitiesBuilder.of(target);
        List<String> on = new ArrayList<>();
        FLAGS.forEach((name, flag) -> {
            if (Boolean.TRUE.equals(flag.apply(c))) {
                on.add(name);
            }
        });
        List<String> expected = new ArrayList<>(ALWAYS);
        expected.addAll(expectedOn);
        assertEquals(expected.stream().sorted().toList(), on, "flags for a target implementing " + implemented);
    }

    @org.junit.jupiter.api.Test
    void exceptionFiltersAndOptionsComeFromTheTarget() throws Exception {
        ExceptionBreakpoints target = mock(ExceptionBreakpoints.class, withSettings().extraInterfaces(DebugTarget.class));
        ExceptionBreakpointsFilter caught = new ExceptionBreakpointsFilter();
        caught.setFilter("caught");
        caught.setLabel("Caught Exceptions");
        when(target.exceptionFilters()).thenReturn(List.of(caught));
        when(target.supportsExceptionOptions()).thenReturn(true);
        Capabilities c = CapabilitiesBuilder.of((DebugTarget) target);
        assertArrayEquals(new ExceptionBreakpointsFilter[] {caught}, c.getExceptionBreakpointFilters());
        assertEquals(true, c.getSupportsExceptionOptions());
        assertEquals(true, c.getSupportsExceptionFilterOptions());
        assertEquals(List.of(), Arrays.asList(CapabilitiesBuilder.of(mock(DebugTarget.class)).getExceptionBreakpointFilters() == null
                ? new Object[0] : CapabilitiesBuilder.of(mock(DebugTarget.class)).getExceptionBreakpointFilters()));
    }
}
