package dev.dapkit.testkit.fake;

import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariableContainer;
import dev.dapkit.server.spi.VariablesPage;
import dev.dapkit.testkit.fake.internal.Frame;
import dev.dapkit.testkit.fake.internal.ObjectValue;
import dev.dapkit.testkit.fake.internal.ValueText;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows toy-language values as DAP variables: scalars as leaves; lists (indexed children
 * {@code [0]}, {@code [1]}, ...), maps (named by their keys) and objects (named by their fields) as
 * expandable values. Paging builds only the children asked for, so a page of a long list costs
 * the page. Stateless.
 */
final class VariablesView {

    /** How much of a value the variables view shows before {@code ...}. */
    static final int PREVIEW_LIMIT = 100;

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private static final Pattern PATH = Pattern.compile("[\\w.\\[\\]\"]+");

    private VariablesView() {
    }

    static TargetVariable variable(String name, Object value, String evaluateName, Frame frame) {
        String text = ValueText.repr(value, PREVIEW_LIMIT);
        String type = ValueText.typeName(value);
        TargetVariable variable;
        if (value instanceof List<?> list) {
            variable = TargetVariable.structured(name, text, type, new ValueVariables(value, evaluateName, frame))
                    .withIndexedVariables(list.size());
        } else if (value instanceof Map<?, ?> || value instanceof ObjectValue) {
            variable = TargetVariable.structured(name, text, type, new ValueVariables(value, evaluateName, frame))
                    .withNamedVariables(named(value).size());
        } else {
            variable = TargetVariable.leaf(name, text, type);
        }
        return variable.withEvaluateName(evaluateName);
    }

    static List<TargetVariable> children(VariableContainer container, VariablesPage page) {
        if (container instanceof ScopeVariables scope) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            scope.variables().forEach((k, v) -> entries.add(new SimpleImmutableEntry<>(k, v)));
            return page.filter() == VariablesPage.Filter.INDEXED ? List.of() : page(entries.size(), page,
                    i -> variable(entries.get(i).getKey(), entries.get(i).getValue(), entries.get(i).getKey(), scope.frame()));
        }
        ValueVariables parent = (ValueVariables) container;
        if (parent.value() instanceof List<?> list) {
            return page.filter() == VariablesPage.Filter.NAMED ? List.of() : page(list.size(), page,
                    i -> variable("[" + i + "]", list.get(i), childName(parent, "[" + i + "]"), parent.frame()));
        }
        List<Map.Entry<String, Object>> entries = named(parent.value());
        return page.filter() == VariablesPage.Filter.INDEXED ? List.of() : page(entries.size(), page,
                i -> variable(entries.get(i).getKey(), entries.get(i).getValue(),
                        childName(parent, entries.get(i).getKey()), parent.frame()));
    }

    /** Stores {@code value} as the child {@code name} of {@code container}; returns the child as now shown. */
    @SuppressWarnings("unchecked")
    static TargetVariable set(VariableContainer container, String name, Object value) throws TargetException {
        if (container instanceof ScopeVariables scope) {
            if (!scope.variables().containsKey(name)) {
                throw TargetErrors.cannotSet(name, "there is no such variable in this scope");
            }
            scope.variables().put(name, value);
            return variable(name, value, name, scope.frame());
        }
        ValueVariables parent = (ValueVariables) container;
        Matcher index = INDEX.matcher(name);
        if (parent.value() instanceof List<?> list && index.matches()
                && Integer.parseInt(index.group(1)) < list.size()) {
            ((List<Object>) list).set(Integer.parseInt(index.group(1)), value);
        } else if (parent.value() instanceof ObjectValue o && o.fields().containsKey(name)) {
            o.fields().put(name, value);
        } else if (parent.value() instanceof Map<?, ?> map) {
            Object key = map.keySet().stream().filter(k -> keyName(k).equals(name)).findFirst()
                    .orElseThrow(() -> TargetErrors.cannotSet(name, "the map has no such key"));
            ((Map<Object, Object>) map).put(key, value);
        } else {
            throw TargetErrors.cannotSet(name, ValueText.typeName(parent.value()) + " has no child of that name");
        }
        return variable(name, value, childName(parent, name), parent.frame());
    }

    /** The named children of a map (named by their keys' text) or an object (by field). */
    private static List<Map.Entry<String, Object>> named(Object value) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        if (value instanceof ObjectValue o) {
            o.fields().forEach((k, v) -> entries.add(new SimpleImmutableEntry<>(k, v)));
        } else {
            ((Map<?, ?>) value).forEach((k, v) -> entries.add(new SimpleImmutableEntry<>(keyName(k), v)));
        }
        return entries;
    }

    private static String keyName(Object key) {
        return ValueText.repr(key, PREVIEW_LIMIT);
    }

    /** An expression for the child {@code name} ({@code [3]}, a key's text or a field) of {@code parent}. */
    private static String childName(ValueVariables parent, String name) {
        String base = PATH.matcher(parent.evaluateName()).matches() ? parent.evaluateName() : "(" + parent.evaluateName() + ")";
        if (parent.value() instanceof List) {
            return base + name;
        }
        return parent.value() instanceof ObjectValue ? base + "." + name : base + "[" + name + "]";
    }

    /** The children {@code page} asks for, of {@code size}; only those are built. */
    private static List<TargetVariable> page(int size, VariablesPage page, IntFunction<TargetVariable> child) {
        int from = Math.min(page.start(), size);
        int to = page.count() == 0 ? size : (int) Math.min(size, (long) from + page.count());
        List<TargetVariable> shown = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            shown.add(child.apply(i));
        }
        return shown;
    }
}
