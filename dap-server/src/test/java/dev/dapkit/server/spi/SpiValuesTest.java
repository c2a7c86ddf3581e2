package dev.dapkit.server.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablePresentationHint;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;

/** The SPI's value types are immutable, and its defaults do what their documentation says. */
class SpiValuesTest {

    private static final VariableContainer CHILDREN = new VariableContainer() {
    };

    @Test
    void withersSetDapsFieldsOnANewValueAndLeaveTheOldOneAlone() {
        TargetVariable plain = TargetVariable.structured("a", "[1, 2]", "list", CHILDREN);
        VariablePresentationHint hint = new VariablePresentationHint();
        hint.setKind("data");
        hint.setAttributes(new String[] {"readOnly"});
        TargetVariable full = plain.withIndexedVariables(2).withNamedVariables(1).withEvaluateName("a")
                .withPresentationHint(hint).withMemoryReference("0x10");
        Variable v = full.variable();
        assertEquals(2, v.getIndexedVariables());
        assertEquals(1, v.getNamedVariables());
        assertEquals("a", v.getEvaluateName());
        assertEquals("data", v.getPresentationHint().getKind());
        assertArrayEquals(new String[] {"readOnly"}, v.getPresentationHint().getAttributes());
        assertEquals("0x10", v.getMemoryReference());
        assertEquals("[1, 2]", v.getValue());
        assertSame(CHILDREN, full.children());
        assertNull(plain.variable().getIndexedVariables(), "the original value changed");
        assertNull(plain.variable().getEvaluateName());

        hint.setKind("changed later");
        hint.getAttributes()[0] = "changed later";
        assertEquals("data", full.variable().getPresentationHint().getKind(), "the hint was not copied");
        assertEquals("readOnly", full.variable().getPresentationHint().getAttributes()[0]);
    }

    @Test
    void aVariableCannotBeChangedThroughItsBean() {
        Variable bean = new Variable();
        bean.setName("x");
        bean.setValue("1");
        TargetVariable x = new TargetVariable(bean, null);
        bean.setValue("changed by its builder");
        x.variable().setValue("changed by a reader");
        assertEquals("1", x.variable().getValue());
        assertEquals(x, new TargetVariable(x.variable(), null), "equal values stay equal");
    }

    @Test
    void scopesHaveWithersAndAreImmutable() {
        TargetScope locals = TargetScope.of("Locals", "locals", false, CHILDREN);
        TargetScope counted = locals.withNamedVariables(3).withIndexedVariables(4);
        Scope s = counted.scope();
        assertEquals(3, s.getNamedVariables());
        assertEquals(4, s.getIndexedVariables());
        assertEquals("locals", s.getPresentationHint());
        assertFalse(s.isExpensive());
        s.setName("changed by a reader");
        assertEquals("Locals", counted.scope().getName());
        assertNull(locals.scope().getNamedVariables());
    }

    @Test
    void resumingAFilteredStopDefaultsToResume() throws Exception {
        DebugTarget target = mock(DebugTarget.class, withSettings().defaultAnswer(Answers.CALLS_REAL_METHODS));
        target.resumeFilteredStop(3, true);
        verify(target).resume(3, true);
    }

    @Test
    void aContextThatIsNotAnEnginesNeverCancels() {
        TargetContext context = mock(TargetContext.class, withSettings().defaultAnswer(Answers.CALLS_REAL_METHODS));
        RequestCancellation signal = context.currentRequest();
        assertSame(RequestCancellation.never(), signal);
        assertFalse(signal.isCancelled());
        boolean[] ran = {false};
        signal.onCancel(() -> ran[0] = true);
        assertFalse(ran[0]);
    }
}
