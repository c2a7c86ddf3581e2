package dev.dapkit.samples;

import java.util.Optional;

/**
 * The ten dapkit modules of DESIGN §1. Each module's name is also the root of its packages, so
 * package-based ArchUnit rules and the compiled {@code module-info} descriptors line up.
 */
enum DapkitModule {
    MODEL("dev.dapkit.model"),
    SERVER("dev.dapkit.server"),
    CLIENT("dev.dapkit.client"),
    TRANSPORT_TCP("dev.dapkit.transport.tcp"),
    TRANSPORT_TLS("dev.dapkit.transport.tls"),
    TRANSPORT_SERIAL("dev.dapkit.transport.serial"),
    TARGET_JVM("dev.dapkit.target.jvm"),
    TARGET_MICROPYTHON("dev.dapkit.target.micropython"),
    TESTKIT("dev.dapkit.testkit"),
    SAMPLES("dev.dapkit.samples");

    private final String name;

    DapkitModule(String name) {
        this.name = name;
    }

    /** The JPMS module name, which is also the package root. */
    String moduleName() {
        return name;
    }

    /** The ArchUnit package pattern of all its packages, e.g. {@code dev.dapkit.model..}. */
    String packages() {
        return name + "..";
    }

    boolean owns(String packageName) {
        return packageName.equals(name) || packageName.startsWith(name + ".");
    }

    static Optional<DapkitModule> owning(String packageName) {
        for (DapkitModule module : values()) {
            if (module.owns(packageName)) {
                return Optional.of(module);
            }
        }
        return Optional.empty();
    }

    static Optional<DapkitModule> named(String moduleName) {
        for (DapkitModule module : values()) {
            if (module.name.equals(moduleName)) {
                return Optional.of(module);
            }
        }
        return Optional.empty();
    }
}
