package dev.dapkit.server;

import dev.dapkit.server.internal.FakeTarget;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetProvider;

/** A target provider found through META-INF/services of the test class path. */
public final class LoadedTestTarget implements TargetProvider {

    @Override
    public String id() {
        return "test-loaded";
    }

    @Override
    public DebugTarget create(TargetContext context) {
        FakeTarget target = new FakeTarget();
        target.context = context;
        return target;
    }
}
