package dev.dapkit.target.jvm.internal;

import com.sun.jdi.IncompatibleThreadStateException;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariableContainer;
import dev.dapkit.server.spi.VariablesPage;
import java.util.List;

/**
 * A container of the JVM target: a scope or a value the client may expand. Its children are read
 * only when the client asks for them, one page at a time.
 */
interface ValueChildren extends VariableContainer {

    /** The children on a page. Called on the session thread while the debuggee is suspended. */
    List<TargetVariable> children(VariablesPage page) throws TargetException, IncompatibleThreadStateException;

    /**
     * Sets child {@code name} to the value of {@code literal} and returns the child anew.
     *
     * @throws TargetException when this container's children cannot be set, or the literal does not fit
     */
    default TargetVariable assign(String name, String literal) throws TargetException, IncompatibleThreadStateException {
        throw JvmErrors.cannotSet(name, "the children of " + this + " cannot be set");
    }

    /** The slice of {@code all} a page asks for. */
    static <T> List<T> page(List<T> all, VariablesPage page) {
        int from = Math.min(page.start(), all.size());
        int to = page.count() == 0 ? all.size() : Math.min(all.size(), from + page.count());
        return all.subList(from, to);
    }
}
