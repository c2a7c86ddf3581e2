package dev.dapkit.target.jvm.internal;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Location;
import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VirtualMachine;
import java.util.List;

/**
 * The text shown for a class that has no source file under the source paths: what the JVM knows
 * of it (its name, source file name, and each method with its line range), as Java comments and
 * signatures, so a frame in it still shows something useful. Not decompiled code. Stateless.
 */
final class GeneratedSource {

    private GeneratedSource() {
    }

    static String describe(VirtualMachine vm, String className, List<java.nio.file.Path> roots) {
        StringBuilder text = new StringBuilder();
        text.append("// The source of ").append(className).append(" is not on this machine");
        text.append(roots.isEmpty() ? " (no \"sourcePaths\" were given).\n" : " (looked in " + roots + ").\n");
        text.append("// What the JVM knows of it:\n\n");
        List<ReferenceType> types = vm.classesByName(className);
        if (types.isEmpty()) {
            text.append("// ").append(className).append(" is not loaded.\n");
            return text.toString();
        }
        ReferenceType type = types.get(0);
        try {
            text.append("// compiled from ").append(type.sourceName()).append('\n');
        } catch (AbsentInformationException e) {
            text.append("// compiled without a source file name\n");
        }
        text.append(type instanceof com.sun.jdi.InterfaceType ? "interface " : "class ").append(className).append(" {\n");
        for (Method method : type.methods()) {
            text.append("    ").append(method.returnTypeName()).append(' ').append(method.name()).append('(')
                    .append(String.join(", ", method.argumentTypeNames())).append(");");
            text.append(lines(method)).append('\n');
        }
        text.append("}\n");
        return text.toString();
    }

    private static String lines(Method method) {
        if (method.isNative()) {
            return " // native";
        }
        if (method.isAbstract()) {
            return "";
        }
        try {
            List<Location> locations = method.allLineLocations();
            if (locations.isEmpty()) {
                return "";
            }
            int min = locations.stream().mapToInt(Location::lineNumber).min().orElse(0);
            int max = locations.stream().mapToInt(Location::lineNumber).max().orElse(0);
            return " // lines " + min + (max > min ? "-" + max : "");
        } catch (AbsentInformationException e) {
            return " // no line numbers";
        }
    }
}
