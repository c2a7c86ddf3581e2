package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ArrayType;
import com.sun.jdi.ModuleReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VirtualMachine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.debug.Module;
import org.eclipse.lsp4j.debug.ModulesResponse;
import org.eclipse.lsp4j.debug.Source;

/**
 * What the JVM has loaded: the source files of its classes that are under the source paths
 * ({@code loadedSources}), and its JPMS modules ({@code modules}). Stateless beyond the source paths.
 */
final class LoadedClasses {

    private LoadedClasses() {
    }

    /** One source per file that a loaded class was compiled from and that exists under the source paths. */
    static List<Source> sources(VirtualMachine vm, SourcePaths paths) {
        Map<Path, Source> byFile = new LinkedHashMap<>();
        for (ReferenceType type : vm.allClasses()) {
            if (type instanceof ArrayType || !type.isPrepared()) {
                continue;
            }
            Optional<Path> file = paths.fileOf(type);
            if (file.isPresent() && !byFile.containsKey(file.get())) {
                Source source = new Source();
                source.setName(file.get().getFileName().toString());
                source.setPath(file.get().toString());
                byFile.put(file.get(), source);
            }
        }
        List<Source> sources = new ArrayList<>(byFile.values());
        sources.sort(Comparator.comparing(Source::getPath));
        return sources;
    }

    /** A page of the JVM's modules, named ones by name, then one entry per unnamed module. */
    static ModulesResponse modules(VirtualMachine vm, int start, int count) {
        List<Module> all = new ArrayList<>();
        if (vm.canGetModuleInfo()) {
            List<ModuleReference> modules = new ArrayList<>(vm.allModules());
            modules.sort(Comparator.comparing(m -> m.name() == null ? "~" : m.name()));
            for (ModuleReference reference : modules) {
                Module module = new Module();
                String name = reference.name();
                module.setId(name != null ? name : "unnamed@" + reference.uniqueID());
                module.setName(name != null ? name : "unnamed module of " + loaderName(reference));
                all.add(module);
            }
        }
        int from = Math.min(start, all.size());
        int to = count == 0 ? all.size() : Math.min(all.size(), from + count);
        ModulesResponse response = new ModulesResponse();
        response.setModules(all.subList(from, to).toArray(Module[]::new));
        response.setTotalModules(all.size());
        return response;
    }

    private static String loaderName(ModuleReference module) {
        return module.classLoader() == null ? "the boot loader"
                : SourcePaths.simpleName(module.classLoader().referenceType().name()) + "@"
                        + module.classLoader().uniqueID();
    }
}
