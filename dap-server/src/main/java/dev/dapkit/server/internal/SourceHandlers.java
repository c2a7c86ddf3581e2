package dev.dapkit.server.internal;

import dev.dapkit.server.EngineError;
import dev.dapkit.server.spi.LoadedSourcesProvider;
import dev.dapkit.server.spi.ModulesProvider;
import dev.dapkit.server.spi.SourceProvider;
import dev.dapkit.server.spi.TargetException;
import org.eclipse.lsp4j.debug.LoadedSourcesArguments;
import org.eclipse.lsp4j.debug.LoadedSourcesResponse;
import org.eclipse.lsp4j.debug.Module;
import org.eclipse.lsp4j.debug.ModulesArguments;
import org.eclipse.lsp4j.debug.ModulesResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceArguments;
import org.eclipse.lsp4j.debug.SourceResponse;

/**
 * Serves the requests about the debuggee's code: {@code source} (text the client has no copy of,
 * by the reference the engine issued), {@code loadedSources} and {@code modules}, with paths
 * mapped to the client's.
 *
 * <p>Called on the session thread only.
 */
final class SourceHandlers {

    private final TargetHolder target;
    private final SourceTranslator sources;

    SourceHandlers(TargetHolder target, SourceTranslator sources) {
        this.target = target;
        this.sources = sources;
    }

    void register(HandlerTable table) {
        table.on("source", SourceArguments.class, Requirement.LAUNCHED, (p, a) -> source(a));
        table.on("loadedSources", LoadedSourcesArguments.class, Requirement.LAUNCHED, (p, a) -> loadedSources());
        table.on("modules", ModulesArguments.class, Requirement.LAUNCHED, (p, a) -> modules(a));
    }

    private SourceResponse source(SourceArguments a) throws TargetException {
        SourceProvider provider = target.capability(SourceProvider.class, "source");
        Source asked = a.getSource();
        int reference = asked != null && asked.getSourceReference() != null && asked.getSourceReference() > 0
                ? asked.getSourceReference() : a.getSourceReference();
        Source targetSource;
        if (reference > 0) {
            targetSource = sources.references().get(reference);
        } else if (asked != null && asked.getPath() != null) {
            targetSource = sources.toTarget(asked);
        } else {
            throw RequestFailure.of(EngineError.INVALID_ARGUMENTS,
                    "invalid arguments for 'source': give a sourceReference or a source with a path");
        }
        SourceProvider.SourceContent content = provider.source(targetSource);
        SourceResponse response = new SourceResponse();
        response.setContent(content.content());
        response.setMimeType(content.mimeType());
        return response;
    }

    private LoadedSourcesResponse loadedSources() throws TargetException {
        LoadedSourcesProvider provider = target.capability(LoadedSourcesProvider.class, "loadedSources");
        LoadedSourcesResponse response = new LoadedSourcesResponse();
        response.setSources(provider.loadedSources().stream().map(sources::toClient).toArray(Source[]::new));
        return response;
    }

    private ModulesResponse modules(ModulesArguments a) throws TargetException {
        ModulesProvider provider = target.capability(ModulesProvider.class, "modules");
        ModulesResponse response = provider.modules(a.getStartModule() == null ? 0 : Math.max(0, a.getStartModule()),
                a.getModuleCount() == null ? 0 : Math.max(0, a.getModuleCount()));
        if (response != null && response.getModules() != null) {
            for (Module m : response.getModules()) {
                m.setPath(sources.pathToClient(m.getPath()));
            }
        }
        return response;
    }
}
