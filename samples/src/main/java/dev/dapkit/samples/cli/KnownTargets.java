package dev.dapkit.samples.cli;

import dev.dapkit.server.spi.TargetProvider;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The debug targets on the class path ({@link TargetProvider} services), so that {@code --target}
 * is checked, and a wrong id answered with the list, before anything starts.
 *
 * <p>Stateless and thread-safe.
 */
final class KnownTargets {

    private KnownTargets() {
    }

    /** The ids of the providers that load, sorted. */
    static Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        var providers = ServiceLoader.load(TargetProvider.class, KnownTargets.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!providers.hasNext()) {
                    return ids;
                }
                ids.add(providers.next().id());
            } catch (ServiceConfigurationError e) {
                // a provider that cannot load is not a target the user can pick; DapServer logs why
            }
        }
    }
}
