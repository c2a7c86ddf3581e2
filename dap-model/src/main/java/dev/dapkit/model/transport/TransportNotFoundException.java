package dev.dapkit.model.transport;

import java.io.IOException;
import java.util.Set;

/**
 * No transport provider handles a URI's scheme. The message names the artifact that provides the
 * scheme when dapkit knows it, and lists the schemes that are available.
 */
public class TransportNotFoundException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String scheme;
    private final Set<String> availableSchemes;

    public TransportNotFoundException(String message, String scheme, Set<String> availableSchemes) {
        super(message);
        this.scheme = scheme;
        this.availableSchemes = Set.copyOf(availableSchemes);
    }

    /** The scheme that was asked for, in lower case. */
    public String scheme() {
        return scheme;
    }

    /** The schemes the providers found could serve. */
    public Set<String> availableSchemes() {
        return availableSchemes;
    }
}
