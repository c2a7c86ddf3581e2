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
 * A {@code java.util.Map} by its content: the entries as indexed children {@code [i]} shown as
 * {@code key → value}, from one {@code entrySet().toArray()} run in the debuggee the first time
 * they are asked for (then paged), each expanding to its {@code key} and {@code value}; the map's
 * own fields under {@code (raw)}. Entries are read from their {@code key}/{@code value} fields where
 * the entry class has them (the JDK's maps), else with {@code getKey()}/{@code getValue()}.
 */
final class MapEntries implements ValueChildren {

    private final ObjectReference map;
    private final ValueView view;
    private final ThreadReference thread;
    private final ObjectFields raw;
    private ArrayReference entries;

    MapEntries(ObjectReference map, ValueView view, ThreadReference thread, ObjectFields raw) {
        this.map = map;
        this.view = view;
        this.thread = thread;
        this.raw = raw;
    }

    @Override
    public List<TargetVariable> children(VariablesPage page) {
        List<TargetVariable> out = new ArrayList<>();
        if (page.filter() != VariablesPage.Filter.INDEXED) {
            out.add(CollectionElements.rawChild(raw));
        }
        if (page.filter() != VariablesPage.Filter.NAMED) {
            try {
                ArrayReference all = entries();
                int length = all.length();
                int from = Math.min(page.start(), length);
                int count = page.count() == 0 ? length - from : Math.min(page.count(), length - from);
                List<Value> slice = count == 0 ? List.of() : all.getValues(from, count);
                for (int i = 0; i < slice.size(); i++) {
                    out.add(entry(from + i, (ObjectReference) slice.get(i)));
                }
            } catch (TargetException e) {
                out.add(TargetVariable.leaf("(entries)", e.getMessage(), null));
            }
        }
        return out;
    }

    private TargetVariable entry(int index, ObjectReference entry) throws TargetException {
        Value key = part(entry, "key", "getKey");
        Value value = part(entry, "value", "getValue");
        return TargetVariable.structured("[" + index + "]", ValueText.brief(key) + " → " + ValueText.brief(value),
                ValueText.typeName(entry.type()), new MapEntry(key, value, view, thread));
    }

    private Value part(ObjectReference entry, String field, String getter) throws TargetException {
        if (entry.referenceType().allFields().stream().anyMatch(f -> !f.isStatic() && f.name().equals(field))) {
            return ValueView.fieldValue(entry, field);
        }
        if (field.equals("value") && ValueView.fieldValue(entry, "val") != null) {
            return ValueView.fieldValue(entry, "val");
        }
        return view.invoke(thread, entry, getter, "()Ljava/lang/Object;");
    }

    private ArrayReference entries() throws TargetException {
        if (entries == null) {
            Value set = view.invoke(thread, map, "entrySet", "()Ljava/util/Set;");
            if (!(set instanceof ObjectReference entrySet)) {
                throw JvmErrors.invocationFailed("entrySet()", "it returned " + ValueText.brief(set));
            }
            Value array = view.invoke(thread, entrySet, "toArray", "()[Ljava/lang/Object;");
            if (!(array instanceof ArrayReference a)) {
                throw JvmErrors.invocationFailed("entrySet().toArray()", "it returned " + ValueText.brief(array));
            }
            entries = a;
        }
        return entries;
    }

    @Override
    public String toString() {
        return "the entries of " + ValueText.of(map);
    }

    /** One entry: its {@code key} and {@code value}. */
    private record MapEntry(Value key, Value value, ValueView view, ThreadReference thread) implements ValueChildren {
        @Override
        public List<TargetVariable> children(VariablesPage page) {
            if (page.filter() == VariablesPage.Filter.INDEXED) {
                return List.of();
            }
            return ValueChildren.page(List.of(view.variable("key", key, null, thread),
                    view.variable("value", value, null, thread)), page);
        }
    }
}
