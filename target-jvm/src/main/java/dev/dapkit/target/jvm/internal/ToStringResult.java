package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ObjectReference;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariablesPage;
import java.util.List;

/**
 * The lazy {@code toString()} child of an object: opening it runs {@code toString()} in the
 * debuggee (bounded by {@link MethodInvoker#TIMEOUT}) and shows the result as its one child, as
 * DAP's {@code lazy} presentation hint asks.
 */
final class ToStringResult implements ValueChildren {

    private final ObjectReference object;
    private final ValueView view;
    private final ThreadReference thread;

    ToStringResult(ObjectReference object, ValueView view, ThreadReference thread) {
        this.object = object;
        this.view = view;
        this.thread = thread;
    }

    @Override
    public List<TargetVariable> children(VariablesPage page) throws TargetException {
        if (page.filter() == VariablesPage.Filter.INDEXED) {
            return List.of();
        }
        Value text = view.invoke(thread, object, "toString", "()Ljava/lang/String;");
        String shown = text instanceof StringReference s ? ValueText.quote(s.value(), ValueText.MAX_STRING)
                : ValueText.of(text);
        return List.of(TargetVariable.leaf("toString()", shown, "String"));
    }

    @Override
    public String toString() {
        return "toString() of " + ValueText.of(object);
    }
}
