package dev.dapkit.transport.tls;

import dev.dapkit.transport.tcp.internal.FakeTcpPipeline;

/** Test fixture: transport-tls using a transport-tcp internal, allowed only by a qualified export. */
public final class FakeTlsUsingTcpInternals {

    public String wrap(FakeTcpPipeline pipeline) {
        return "tls+" + pipeline.name();
    }
}
