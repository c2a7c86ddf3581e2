package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.ClassType;
import com.sun.jdi.Field;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariablesPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The static fields a class declares: a frame's {@code Static} scope. Read with one JDI call. */
final class StaticFields implements ValueChildren {

    private final ReferenceType type;
    private final ValueView view;
    private final ThreadReference thread;

    StaticFields(ReferenceType type, ValueView view, ThreadReference thread) {
        this.type = type;
        this.view = view;
        this.thread = thread;
    }

    ReferenceType type() {
        return type;
    }

    /** The static fields of a type; empty when it has none. */
    static List<Field> of(ReferenceType type) {
        return type.fields().stream().filter(Field::isStatic).toList();
    }

    @Override
    public List<TargetVariable> children(VariablesPage page) {
        if (page.filter() == VariablesPage.Filter.INDEXED) {
            return List.of();
        }
        List<Field> fields = ValueChildren.page(of(type), page);
        Map<Field, Value> values = type.getValues(fields);
        List<TargetVariable> out = new ArrayList<>();
        for (Field field : fields) {
            out.add(view.variable(field.name(), values.get(field), type.name() + "." + field.name(), thread));
        }
        return out;
    }

    @Override
    public TargetVariable assign(String name, String literal) throws TargetException {
        Field field = type.fieldByName(name);
        if (field == null || !field.isStatic() || !(type instanceof ClassType classType)) {
            throw JvmErrors.cannotSet(name, type.name() + " has no static field '" + name + "' to set");
        }
        if (field.isFinal()) {
            throw JvmErrors.cannotSet(name, "it is final");
        }
        Value value = LiteralValues.parse(type.virtualMachine(), field.typeName(), name, literal);
        try {
            classType.setValue(field, value);
        } catch (InvalidTypeException | ClassNotLoadedException e) {
            throw JvmErrors.cannotSet(name, "a " + field.typeName() + " cannot hold '" + literal.strip() + "': "
                    + e.getMessage());
        }
        return view.variable(name, type.getValue(field), type.name() + "." + name, thread);
    }

    @Override
    public String toString() {
        return "the static fields of " + type.name();
    }
}
