package dev.dapkit.model.json;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.eclipse.lsp4j.debug.Capabilities;

/**
 * Every top-level type in LSP4J Debug's model package, read from the entries of the jar that holds
 * it, sorted into model beans, enums and holders of string constants.
 */
record Lsp4jModelClasses(List<Class<?>> beans, List<Class<?>> enums, List<Class<?>> constantHolders) {

    static final String PACKAGE = "org.eclipse.lsp4j.debug";

    static Lsp4jModelClasses scan() {
        List<Class<?>> beans = new ArrayList<>();
        List<Class<?>> enums = new ArrayList<>();
        List<Class<?>> holders = new ArrayList<>();
        for (Class<?> type : typesInPackage()) {
            if (type.isEnum()) {
                enums.add(type);
            } else if (isConstantHolder(type)) {
                holders.add(type);
            } else if (isBean(type)) {
                beans.add(type);
            } else {
                throw new IllegalStateException(type + " is neither a model bean, an enum nor a constant holder;"
                        + " the equality test does not know how to cover it");
            }
        }
        return new Lsp4jModelClasses(List.copyOf(beans), List.copyOf(enums), List.copyOf(holders));
    }

    private static List<Class<?>> typesInPackage() {
        String prefix = PACKAGE.replace('.', '/') + '/';
        List<Class<?>> types = new ArrayList<>();
        try (JarFile jar = new JarFile(jarOf(Capabilities.class))) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(prefix) && name.endsWith(".class") && name.indexOf('/', prefix.length()) < 0) {
                    String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                    types.add(Class.forName(className));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a class listed in the LSP4J jar cannot be loaded", e);
        }
        types.sort(Comparator.comparing(Class::getName));
        return types;
    }

    private static File jarOf(Class<?> type) {
        try {
            File file = new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!file.isFile()) {
                throw new IllegalStateException(type + " was not loaded from a jar but from " + file);
            }
            return file;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An interface of string constants, or a class with static members only ({@code DebugProtocol}). */
    private static boolean isConstantHolder(Class<?> type) {
        Field[] fields = type.getDeclaredFields();
        return type.isInterface()
                || (fields.length > 0 && Arrays.stream(fields).allMatch(f -> Modifier.isStatic(f.getModifiers())));
    }

    private static boolean isBean(Class<?> type) {
        if (Modifier.isAbstract(type.getModifiers()) || type.getEnclosingClass() != null) {
            return false;
        }
        try {
            type.getConstructor();
            return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
