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
 * scope at the frame's line, read with one JDI call, or taken from what was read ahead at the stop
 * for a top frame ({@link StopReadAhead#topFrameValues}). A class compiled without local variable
 * tables shows its arguments as {@code arg0}, {@code arg1}, ...
 */
final class LocalVariables implements ValueChildren {

    private final JvmFrame frame;
    private final ValueView view;
    private final StopReadAhead readAhead;

    LocalVariables(JvmFrame frame, ValueView view, StopReadAhead readAhead) {
        this.frame = frame;
        this.view = view;
        this.readAhead = readAhead;
    }

    @Override
    public List<TargetVariable> children(VariablesPage page) throws IncompatibleThreadStateException {
        if (page.filter() == VariablesPage.Filter.INDEXED) {
            return List.of();
        }
        List<TargetVariable> out = new ArrayList<>();
        TopFrameValues ahead = frame.depth() == 0 ? readAhead.topFrameValues(frame.thread()) : null;
        if (ahead != null) {
            addThis(out, ahead.self());
            addLocals(out, ahead.visible(), ahead.values());
            return ValueChildren.page(out, page);
        }
        StackFrame jdi = frame.frame();
        addThis(out, jdi.thisObject());
        try {
            List<LocalVariable> locals = jdi.visibleVariables();
            addLocals(out, locals, jdi.getValues(locals));
        } catch (AbsentInformationException e) {
            List<Value> arguments = jdi.getArgumentValues();
            for (int i = 0; i < arguments.size(); i++) {
                out.add(view.variable("arg" + i, arguments.get(i), null, frame.thread()));
            }
        }
        return ValueChildren.page(out, page);
    }

    private void addThis(List<TargetVariable> out, ObjectReference self) {
        if (self != null) {
            out.add(view.variable("this", self, "this", frame.thread()));
        }
    }

    private void addLocals(List<TargetVariable> out, List<LocalVariable> locals, Map<LocalVariable, Value> values) {
        for (LocalVariable local : locals) {
            out.add(view.variable(local.name(), values.get(local), local.name(), frame.thread()));
        }
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
