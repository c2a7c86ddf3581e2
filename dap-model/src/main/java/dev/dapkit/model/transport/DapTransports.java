package dev.dapkit.model.transport;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections by address: finds the {@link DapTransportProvider} for a URI's scheme with
 * {@link ServiceLoader} and asks it. Addresses look like {@code stdio:}, {@code tcp://host:port},
 * {@code tcps://[secret@]host:port}, {@code serial:/dev/ttyUSB0?baud=115200}.
 *
 * <p>{@code stdio:} as users write it is not a valid {@link URI} (an opaque URI needs something
 * after the colon): the {@code String} methods read a bare {@code scheme:} as {@code scheme:-},
 * and {@code stdio:-} is the URI form.
 *
 * <p>Thread-safe. Providers are looked up on every call, with the thread's context class loader
 * (or this class's loader when there is none); when two providers claim a scheme, the first one
 * found wins.
 */
public final class DapTransports {

    private static final Logger LOG = LoggerFactory.getLogger(DapTransports.class);

    /** Which artifact serves the schemes dapkit ships, for the "add this dependency" hint. */
    private static final Map<String, String> KNOWN_ARTIFACTS = Map.of(
            "stdio", "dev.dapkit:dap-model",
            "tcp", "dev.dapkit:transport-tcp",
            "tcps", "dev.dapkit:transport-tls",
            "serial", "dev.dapkit:transport-serial");

    private static final Pattern BARE_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private DapTransports() {
    }

    /**
     * Opens a connection to {@code uri}; it is returned not yet started.
     *
     * @throws TransportNotFoundException when no provider serves the scheme
     * @throws IllegalArgumentException when the URI has no scheme or is not a valid address for
     *     its transport
     * @throws IOException when the transport cannot connect
     */
    public static DapConnection connect(URI uri) throws IOException {
        return providerFor(uri).connect(uri);
    }

    /** Like {@link #connect(URI)} for an address as users write it, e.g. {@code stdio:}. */
    public static DapConnection connect(String address) throws IOException {
        return connect(parse(address));
    }

    /**
     * Opens a source of inbound connections at {@code uri}.
     *
     * @throws TransportNotFoundException when no provider serves the scheme
     * @throws IllegalArgumentException when the URI has no scheme or is not a valid address for
     *     its transport
     * @throws IOException when the transport cannot listen there
     */
    public static ConnectionSource listen(URI uri) throws IOException {
        return providerFor(uri).listen(uri);
    }

    /** Like {@link #listen(URI)} for an address as users write it, e.g. {@code stdio:}. */
    public static ConnectionSource listen(String address) throws IOException {
        return listen(parse(address));
    }

    /** The schemes the providers visible now serve, in lower case and sorted. */
    public static Set<String> availableSchemes() {
        Set<String> schemes = new TreeSet<>();
        for (DapTransportProvider provider : providers()) {
            provider.schemes().forEach(s -> schemes.add(s.toLowerCase(Locale.ROOT)));
        }
        return schemes;
    }

    /**
     * The URI for an address as users write it: a bare {@code scheme:} becomes {@code scheme:-}.
     *
     * @throws IllegalArgumentException when the text is not a URI
     */
    static URI parse(String address) {
        String text = address.strip();
        if (BARE_SCHEME.matcher(text).matches()) {
            text = text + "-";
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + address + "' is not a transport address (" + e.getReason()
                    + " at index " + e.getIndex() + "); write scheme:address, e.g. stdio:, tcp://127.0.0.1:4711,"
                    + " serial:/dev/ttyUSB0?baud=115200", e);
        }
    }

    private static DapTransportProvider providerFor(URI uri) throws TransportNotFoundException {
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new IllegalArgumentException("transport address '" + shown(uri) + "' has no scheme; write"
                    + " scheme:address, e.g. stdio:, tcp://127.0.0.1:4711, serial:/dev/ttyUSB0?baud=115200");
        }
        String wanted = scheme.toLowerCase(Locale.ROOT);
        List<DapTransportProvider> providers = providers();
        for (DapTransportProvider provider : providers) {
            for (String s : provider.schemes()) {
                if (s.equalsIgnoreCase(wanted)) {
                    return provider;
                }
            }
        }
        Set<String> available = new TreeSet<>();
        providers.forEach(p -> p.schemes().forEach(s -> available.add(s.toLowerCase(Locale.ROOT))));
        throw new TransportNotFoundException(notFoundMessage(uri, wanted, available), wanted, available);
    }

    private static String notFoundMessage(URI uri, String scheme, Set<String> available) {
        StringBuilder text = new StringBuilder("no transport for '").append(shown(uri)).append("': ");
        String artifact = KNOWN_ARTIFACTS.get(scheme);
        if (artifact != null) {
            text.append("scheme '").append(scheme).append("' is provided by ").append(artifact)
                    .append(", which is not on the class path or module path; add it as a dependency");
        } else {
            text.append("no provider serves scheme '").append(scheme).append('\'');
            if (uri.isOpaque() && PORT.matcher(uri.getSchemeSpecificPart()).matches()) {
                text.append(" (for a host and port write tcp://").append(scheme).append(':')
                        .append(uri.getSchemeSpecificPart()).append(')');
            }
        }
        text.append("; available schemes: ").append(available.isEmpty() ? "none" : String.join(", ", available));
        return text.toString();
    }

    /** The URI for messages, with any user info (a {@code tcps://} secret) masked. */
    private static String shown(URI uri) {
        String text = uri.toString();
        String userInfo = uri.getRawUserInfo();
        return userInfo == null ? text : text.replace(userInfo + "@", "***@");
    }

    private static List<DapTransportProvider> providers() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader<DapTransportProvider> serviceLoader = ServiceLoader.load(DapTransportProvider.class,
                loader != null ? loader : DapTransports.class.getClassLoader());
        List<DapTransportProvider> found = new ArrayList<>();
        Iterator<DapTransportProvider> it = serviceLoader.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return found;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                // One broken provider must not hide the others; ServiceLoader goes on after an error.
                LOG.warn("skipping a transport provider that cannot be loaded: {}", e.getMessage(), e);
            }
        }
    }
}
