package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariablesPage;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code java.util.Collection} by its content: the elements as indexed children, from one
 * {@code toArray()} run in the debuggee the first time they are asked for (then paged from the
 * array), and the object's own fields under a named {@code (raw)} child. When the method cannot run
 * (a paused thread, a timeout), the elements are replaced by a line saying why.
 */
final class CollectionElements implements ValueChildren {

    private final ObjectReference collection;
    private final ValueView view;
    private final ThreadReference thread;
    private final ObjectFields raw;
    private ArrayReference elements;

    CollectionElements(ObjectReference collection, ValueView view, ThreadReference thread, ObjectFields raw) {
        this.collection = collection;
        this.view = view;
        this.thread = thread;
        this.raw = raw;
    }

    @Override
    public List<TargetVariable> children(VariablesPage page) {
        List<TargetVariable> out = new ArrayList<>();
        if (page.filter() != VariablesPage.Filter.INDEXED) {
            out.add(rawChild(raw));
        }
        if (page.filter() != VariablesPage.Filter.NAMED) {
            try {
                out.addAll(ArrayElements.elements(elements(), page, view, thread, null));
            } catch (TargetException e) {
                out.add(TargetVariable.leaf("(elements)", e.getMessage(), null));
            }
        }
        return out;
    }

    private ArrayReference elements() throws TargetException {
        if (elements == null) {
            Value array = view.invoke(thread, collection, "toArray", "()[Ljava/lang/Object;");
            if (!(array instanceof ArrayReference a)) {
                throw JvmErrors.invocationFailed("toArray()", "it returned " + ValueText.brief(array));
            }
            elements = a;
        }
        return elements;
    }

    /** The {@code (raw)} child: an object's fields. */
    static TargetVariable rawChild(ObjectFields raw) {
        return TargetVariable.structured("(raw)", ValueText.of(raw.object()), ValueText.typeName(raw.object().type()), raw);
    }

    @Override
    public String toString() {
        return "the elements of " + ValueText.of(collection);
    }
}
