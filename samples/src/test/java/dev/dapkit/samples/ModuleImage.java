package dev.dapkit.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.module.ModuleDescriptor;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A compiled module as the class path holds it (a jar or a {@code target/classes} directory):
 * its {@code module-info.class}, read with the full set of packages it contains, and its
 * {@code META-INF/services} files.
 *
 * @param location the jar or directory
 * @param descriptor the module descriptor
 * @param serviceFiles service type name to the provider class names listed in its file
 */
record ModuleImage(String location, ModuleDescriptor descriptor, Map<String, Set<String>> serviceFiles) {

    /** Every module named {@code dev.dapkit.*} whose {@code module-info.class} {@code loader} can see. */
    static List<ModuleImage> dapkitModules(ClassLoader loader) throws IOException {
        List<ModuleImage> found = new ArrayList<>();
        Enumeration<URL> descriptors = loader.getResources("module-info.class");
        while (descriptors.hasMoreElements()) {
            URL descriptor = descriptors.nextElement();
            if (descriptor.getProtocol().equals("jrt")) {
                continue; // the JDK's own modules
            }
            String name;
            try (InputStream in = descriptor.openStream()) {
                name = ModuleDescriptor.read(in).name();
            }
            // only ours are opened in full: libraries may be multi-release jars, which zipfs reads differently
            if (name.startsWith("dev.dapkit.")) {
                found.add(read(descriptor));
            }
        }
        return found;
    }

    /** Package to the modules it is exported to, for every qualified export of {@code images}. */
    static Map<String, Set<String>> qualifiedExports(List<ModuleImage> images) {
        Map<String, Set<String>> exports = new HashMap<>();
        for (ModuleImage image : images) {
            for (ModuleDescriptor.Exports export : image.descriptor().exports()) {
                if (export.isQualified()) {
                    exports.computeIfAbsent(export.source(), p -> new TreeSet<>()).addAll(export.targets());
                }
            }
        }
        return exports;
    }

    /**
     * Where {@code provides ... with} in {@code module-info} and the {@code META-INF/services}
     * files disagree, one line per service; empty when they list the same providers.
     */
    List<String> servicesMismatches() {
        Map<String, Set<String>> declared = new TreeMap<>();
        for (ModuleDescriptor.Provides provides : descriptor.provides()) {
            declared.put(provides.service(), new TreeSet<>(provides.providers()));
        }
        Map<String, Set<String>> listed = new TreeMap<>();
        serviceFiles.forEach((service, providers) -> listed.put(service, new TreeSet<>(providers)));
        Set<String> services = new TreeSet<>(declared.keySet());
        services.addAll(listed.keySet());
        List<String> problems = new ArrayList<>();
        for (String service : services) {
            Set<String> inDescriptor = declared.getOrDefault(service, Set.of());
            Set<String> inFile = listed.getOrDefault(service, Set.of());
            if (!inDescriptor.equals(inFile)) {
                problems.add(descriptor.name() + ": service " + service + " has 'provides ... with' " + inDescriptor
                        + " in module-info but " + inFile + " in META-INF/services/" + service + " (" + location + ")");
            }
        }
        return problems;
    }

    /** Every declared provider that ServiceLoader could not instantiate, with the reason. */
    List<String> providerProblems(ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        for (ModuleDescriptor.Provides provides : descriptor.provides()) {
            for (String provider : provides.providers()) {
                String problem = providerProblem(loader, provides.service(), provider);
                if (problem != null) {
                    problems.add(descriptor.name() + ": provides " + provides.service() + " with " + provider
                            + ": " + problem);
                }
            }
        }
        return problems;
    }

    /** Why {@code provider} cannot serve {@code service} through ServiceLoader, or null when it can. */
    private static String providerProblem(ClassLoader loader, String service, String provider) {
        Class<?> serviceType;
        Class<?> providerType;
        try {
            serviceType = Class.forName(service, false, loader);
            providerType = Class.forName(provider, false, loader);
        } catch (ClassNotFoundException e) {
            return "class " + e.getMessage() + " not found";
        }
        for (Method method : providerType.getMethods()) {
            if (method.getName().equals("provider") && method.getParameterCount() == 0
                    && Modifier.isStatic(method.getModifiers())
                    && serviceType.isAssignableFrom(method.getReturnType())) {
                return null;
            }
        }
        if (!serviceType.isAssignableFrom(providerType)) {
            return "it does not implement the service and has no public static provider() method";
        }
        try {
            providerType.getConstructor();
        } catch (NoSuchMethodException e) {
            return "it has no public no-argument constructor and no public static provider() method";
        }
        return null;
    }

    private static ModuleImage read(URL descriptor) throws IOException {
        try {
            switch (descriptor.getProtocol()) {
                case "file":
                    Path root = Path.of(descriptor.toURI()).getParent();
                    return readRoot(root, root.toString());
                case "jar":
                    Path jar = Path.of(((JarURLConnection) descriptor.openConnection()).getJarFileURL().toURI());
                    try (FileSystem zip = FileSystems.newFileSystem(jar)) {
                        return readRoot(zip.getPath("/"), jar.toString());
                    }
                default:
                    throw new IOException("cannot read " + descriptor + ": neither a file nor a jar entry");
            }
        } catch (URISyntaxException e) {
            throw new IOException("cannot read " + descriptor + ": " + e.getMessage(), e);
        }
    }

    private static ModuleImage readRoot(Path root, String location) throws IOException {
        Set<String> packages = packagesUnder(root);
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
            // with the real package set, read() also rejects exports or provides of missing packages
            descriptor = ModuleDescriptor.read(in, () -> packages);
        }
        Map<String, Set<String>> services = new TreeMap<>();
        Path servicesDir = root.resolve("META-INF").resolve("services");
        if (Files.isDirectory(servicesDir)) {
            try (Stream<Path> files = Files.list(servicesDir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    services.put(file.getFileName().toString(), providerNames(file));
                }
            }
        }
        return new ModuleImage(location, descriptor, services);
    }

    /** The provider names of a services file: one per line, {@code #} starts a comment. */
    private static Set<String> providerNames(Path servicesFile) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(servicesFile)) {
            int comment = line.indexOf('#');
            String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static Set<String> packagesUnder(Path root) throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class"))
                    .map(root::relativize)
                    .filter(f -> f.getNameCount() > 1 && !f.getName(0).toString().equals("META-INF"))
                    .forEach(f -> packages.add(f.getParent().toString().replace(f.getFileSystem().getSeparator(), ".")));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return packages;
    }
}
