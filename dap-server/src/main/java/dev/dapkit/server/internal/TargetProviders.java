package dev.dapkit.server.internal;

import dev.dapkit.server.spi.TargetProvider;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a {@link TargetProvider} by id with {@link ServiceLoader}, using the thread's context
 * class loader (or this class's loader when there is none).
 *
 * <p>Stateless and thread-safe.
 */
public final class TargetProviders {

    private static final Logger LOG = LoggerFactory.getLogger(TargetProviders.class);

    private TargetProviders() {
    }

    /**
     * The provider with {@code id}.
     *
     * @throws IllegalArgumentException naming the ids that were found when none has {@code id}
     */
    public static TargetProvider find(String id) {
        Set<String> found = new TreeSet<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ServiceLoader<TargetProvider> loader = ServiceLoader.load(TargetProvider.class,
                context != null ? context : TargetProviders.class.getClassLoader());
        Iterator<TargetProvider> it = loader.iterator();
        while (true) {
            TargetProvider provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                // One broken provider must not hide the others.
                LOG.warn("skipping a target provider that cannot be loaded: {}", e.getMessage(), e);
                continue;
            }
            if (provider.id().equals(id)) {
                return provider;
            }
            found.add(provider.id());
        }
        throw new IllegalArgumentException("no debug target '" + id + "': the TargetProvider services found are "
                + (found.isEmpty() ? "none" : String.join(", ", found))
                + "; add the target's artifact (e.g. dev.dapkit:target-jvm) to the class or module path");
    }
}
