package dev.dapkit.testkit.target;

import java.io.IOException;

/** The target conformance suite for the fake target, its server reached through in-memory connections. */
class FakeTargetInMemoryConformanceTest extends TargetConformanceSuite {

    @Override
    protected ConformanceTarget newTarget() throws IOException {
        return HostedFakeTarget.create(ServerHosting.inMemory());
    }
}
