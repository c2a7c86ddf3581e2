package dev.dapkit.target.jvm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.jdi.Location;
import com.sun.jdi.Method;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.StepRequest;
import dev.dapkit.server.spi.TargetEvents;
import dev.dapkit.target.jvm.internal.ExecutionControl.StepOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * A finished step's request is deleted after its stop is reported, not before: the delete is a
 * JDWP round trip the client would otherwise wait for on every step. JDI allows one step request
 * per thread, so it must still be gone before the next step is made.
 */
class ExecutionControlTest {

    private final VirtualMachine vm = mock(VirtualMachine.class);
    private final EventRequestManager requests = mock(EventRequestManager.class);
    private final ThreadReference thread = mock(ThreadReference.class);
    private final StepRequest first = mock(StepRequest.class);
    private final StepRequest second = mock(StepRequest.class);
    private ExecutionControl execution;

    @BeforeEach
    void debuggee() {
        when(vm.eventRequestManager()).thenReturn(requests);
        when(thread.uniqueID()).thenReturn(7L);
        when(requests.createStepRequest(any(), anyInt(), anyInt())).thenReturn(first, second);
        execution = new ExecutionControl(vm, new ThreadRegistry(vm), mock(TargetEvents.class));
    }

    @Test
    void aStepThatStopsKeepsItsRequestUntilTheStopIsReported() {
        execution.step(thread, StepRequest.STEP_LINE, StepRequest.STEP_OVER, false, false);

        assertEquals(StepOutcome.STEP, execution.stepped(stepEvent(first, 12)));
        verify(requests, never()).deleteEventRequest(any(EventRequest.class));

        execution.deleteSpentSteps();
        verify(requests).deleteEventRequest(first);
        execution.deleteSpentSteps();
        verify(requests).deleteEventRequest(first);
    }

    @Test
    void theNextStepDeletesASpentRequestBeforeItMakesItsOwn() {
        execution.step(thread, StepRequest.STEP_LINE, StepRequest.STEP_OVER, false, false);
        execution.stepped(stepEvent(first, 12));

        execution.step(thread, StepRequest.STEP_LINE, StepRequest.STEP_OVER, false, false);

        InOrder order = inOrder(requests);
        order.verify(requests).createStepRequest(thread, StepRequest.STEP_LINE, StepRequest.STEP_OVER);
        order.verify(requests).deleteEventRequest(first);
        order.verify(requests).createStepRequest(thread, StepRequest.STEP_LINE, StepRequest.STEP_OVER);
        verify(second).enable();
    }

    @Test
    void aStepThatLandsInCodeWithoutLinesDeletesItsRequestBeforeItGoesOn() {
        execution.step(thread, StepRequest.STEP_LINE, StepRequest.STEP_OVER, false, false);

        assertEquals(StepOutcome.GO_ON, execution.stepped(stepEvent(first, -1)));

        InOrder order = inOrder(requests);
        order.verify(requests).deleteEventRequest(first);
        order.verify(requests).createStepRequest(thread, StepRequest.STEP_LINE, StepRequest.STEP_OUT);
    }

    private StepEvent stepEvent(StepRequest request, int line) {
        Method method = mock(Method.class);
        Location location = mock(Location.class);
        when(location.method()).thenReturn(method);
        when(location.lineNumber()).thenReturn(line);
        StepEvent event = mock(StepEvent.class);
        when(event.thread()).thenReturn(thread);
        when(event.request()).thenReturn(request);
        when(event.location()).thenReturn(location);
        return event;
    }
}
