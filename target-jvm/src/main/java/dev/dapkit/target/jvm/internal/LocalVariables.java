package dev.dapkit.target.jvm.internal;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.Value;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariablesPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code Locals} scope of a frame: {@code this}, then the arguments and the local variables in
 * scope at the frame's line, read with one JDI call. A class compiled without local variable
 * tables shows its arguments as {@code arg0}, {@code arg1}, ...
 */
final class LocalVariables implements ValueChildren {

    private final JvmFrame frame;
    private final ValueView view;

    LocalVariables(JvmFrame frame, ValueView view) {
        this.frame = frame;
        this.view = view;
    }

    @Override
    public List<TargetVariable> children(VariablesPage page) throws IncompatibleThreadStateException {
        if (page.filter() == VariablesPage.Filter.INDEXED) {
            return List.of();
        }
        StackFrame jdi = frame.frame();
        List<TargetVariable> out = new ArrayList<>();
        ObjectReference self = jdi.thisObject();
        if (self != null) {
            out.add(view.variable("this", self, "this", frame.thread()));
        }
        try {
            List<LocalVariable> locals = jdi.visibleVariables();
            Map<LocalVariable, Value> values = jdi.getValues(locals);
            for (LocalVariable local : locals) {
                out.add(view.variable(local.name(), values.get(local), local.name(), frame.thread()));
            }
        } catch (AbsentInformationException e) {
            List<Value> arguments = jdi.getArgumentValues();
            for (int i = 0; i < arguments.size(); i++) {
                out.add(view.variable("arg" + i, arguments.get(i), null, frame.thread()));
            }
        }
        return ValueChildren.page(out, page);
    }

    @Override
    public TargetVariable assign(String name, String literal) throws TargetException, IncompatibleThreadStateException {
        StackFrame jdi = frame.frame();
        LocalVariable local;
        try {
            local = jdi.visibleVariableByName(name);
        } catch (AbsentInformationException e) {
            throw JvmErrors.cannotSet(name, "the method was compiled without local variable names (javac -g)");
        }
        if (local == null) {
            throw JvmErrors.cannotSet(name, name.equals("this") ? "'this' cannot be changed"
                    : "there is no local '" + name + "' in " + frame);
        }
        Value value = LiteralValues.parse(frame.thread().virtualMachine(), local.typeName(), name, literal);
        try {
            jdi.setValue(local, value);
        } catch (InvalidTypeException | ClassNotLoadedException e) {
            throw JvmErrors.cannotSet(name, "a " + local.typeName() + " cannot hold '" + literal.strip() + "': "
                    + e.getMessage());
        }
        return view.variable(name, frame.frame().getValue(local), name, frame.thread());
    }

    @Override
    public String toString() {
        return "the locals of " + frame;
    }
}
