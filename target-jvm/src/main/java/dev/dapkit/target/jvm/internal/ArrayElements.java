package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.ArrayType;
import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariablesPage;
import java.util.ArrayList;
import java.util.List;

/** The elements of an array, as indexed children {@code [i]}; each page is read with one JDI call. */
final class ArrayElements implements ValueChildren {

    private final ArrayReference array;
    private final ValueView view;
    private final ThreadReference thread;
    private final String evaluateName;

    ArrayElements(ArrayReference array, ValueView view, ThreadReference thread, String evaluateName) {
        this.array = array;
        this.view = view;
        this.thread = thread;
        this.evaluateName = evaluateName;
    }

    @Override
    public List<TargetVariable> children(VariablesPage page) {
        if (page.filter() == VariablesPage.Filter.NAMED) {
            return List.of();
        }
        return elements(array, page, view, thread, evaluateName);
    }

    /** A page of an array's elements, named {@code [i]} from {@code page.start()}. */
    static List<TargetVariable> elements(ArrayReference array, VariablesPage page, ValueView view,
            ThreadReference thread, String evaluateName) {
        int length = array.length();
        int from = Math.min(page.start(), length);
        int count = page.count() == 0 ? length - from : Math.min(page.count(), length - from);
        List<TargetVariable> out = new ArrayList<>(count);
        if (count == 0) {
            return out;
        }
        List<Value> values = array.getValues(from, count);
        for (int i = 0; i < values.size(); i++) {
            int index = from + i;
            out.add(view.variable("[" + index + "]", values.get(i),
                    evaluateName == null ? null : evaluateName + "[" + index + "]", thread));
        }
        return out;
    }

    @Override
    public TargetVariable assign(String name, String literal) throws TargetException {
        String digits = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        int index;
        try {
            index = Integer.parseInt(digits.strip());
        } catch (NumberFormatException e) {
            throw JvmErrors.cannotSet(name, "an array element is named [index]");
        }
        if (index < 0 || index >= array.length()) {
            throw JvmErrors.cannotSet(name, "index " + index + " is outside the array of length " + array.length());
        }
        String component = ((ArrayType) array.type()).componentTypeName();
        Value value = LiteralValues.parse(array.virtualMachine(), component, name, literal);
        try {
            array.setValue(index, value);
        } catch (InvalidTypeException | ClassNotLoadedException e) {
            throw JvmErrors.cannotSet(name, "a " + component + " element cannot hold '" + literal.strip() + "': "
                    + e.getMessage());
        }
        return view.variable("[" + index + "]", array.getValue(index),
                evaluateName == null ? null : evaluateName + "[" + index + "]", thread);
    }

    @Override
    public String toString() {
        return "the elements of " + ValueText.of(array);
    }
}
