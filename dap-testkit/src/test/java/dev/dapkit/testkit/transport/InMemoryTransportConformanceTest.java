package dev.dapkit.testkit.transport;

import dev.dapkit.model.transport.InMemoryConnections;

/** The transport conformance suite on dap-model's in-memory pairs. */
class InMemoryTransportConformanceTest extends TransportConformanceSuite {

    @Override
    protected ConnectionPair newPair() {
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        return new ConnectionPair(pair.a(), pair.b());
    }
}
