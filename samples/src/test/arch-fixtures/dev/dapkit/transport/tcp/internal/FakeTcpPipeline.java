package dev.dapkit.transport.tcp.internal;

/** Test fixture standing for a transport-tcp internal that transport-tls may be given access to. */
public final class FakeTcpPipeline {

    public String name() {
        return "fake";
    }
}
