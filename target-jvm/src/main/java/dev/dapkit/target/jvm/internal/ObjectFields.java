package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.Field;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariablesPage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The instance fields of an object, its class's first, then its superclasses' (a field a subclass
 * hides is shown as {@code name (Super)}), read with one JDI call; and, when the class overrides
 * it, a lazy {@code toString()} child that runs only when the client opens it.
 */
final class ObjectFields implements ValueChildren {

    private final ObjectReference object;
    private final ValueView view;
    private final ThreadReference thread;
    private final String evaluateName;

    ObjectFields(ObjectReference object, ValueView view, ThreadReference thread, String evaluateName) {
        this.object = object;
        this.view = view;
        this.thread = thread;
        this.evaluateName = evaluateName;
    }

    ObjectReference object() {
        return object;
    }

    @Override
    public List<TargetVariable> children(VariablesPage page) {
        if (page.filter() == VariablesPage.Filter.INDEXED) {
            return List.of();
        }
        List<Field> fields = object.referenceType().allFields().stream().filter(f -> !f.isStatic()).toList();
        Map<Field, Value> values = object.getValues(fields);
        List<TargetVariable> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Field field : fields) {
            boolean hidden = !names.add(field.name());
            String name = hidden ? field.name() + " (" + SourcePaths.simpleName(field.declaringType().name()) + ")"
                    : field.name();
            String expression = evaluateName == null || hidden ? null : evaluateName + "." + field.name();
            out.add(view.variable(name, values.get(field), expression, thread));
        }
        TargetVariable toString = view.toStringChild(object, thread);
        if (toString != null) {
            out.add(toString);
        }
        return ValueChildren.page(out, page);
    }

    @Override
    public TargetVariable assign(String name, String literal) throws TargetException {
        Field field = object.referenceType().allFields().stream()
                .filter(f -> !f.isStatic() && f.name().equals(name)).findFirst().orElse(null);
        if (field == null) {
            throw JvmErrors.cannotSet(name, ValueText.of(object) + " has no field '" + name + "'");
        }
        Value value = LiteralValues.parse(object.virtualMachine(), field.typeName(), name, literal);
        try {
            object.setValue(field, value);
        } catch (InvalidTypeException | ClassNotLoadedException e) {
            throw JvmErrors.cannotSet(name, "a " + field.typeName() + " cannot hold '" + literal.strip() + "': "
                    + e.getMessage());
        }
        return view.variable(name, object.getValue(field), evaluateName == null ? null : evaluateName + "." + name,
                thread);
    }

    /** The field a child name shows, for data breakpoints; null when there is none. */
    Field field(String name) {
        for (Field field : object.referenceType().allFields()) {
            if (!field.isStatic() && field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "the fields of " + ValueText.of(object);
    }
}
