package dev.dapkit.testkit.target;

import java.io.IOException;

/**
 * The target conformance suite for the fake target, its server in a child JVM reached through the
 * child's standard input and output ({@link StdioFakeServerMain}): one child per session.
 */
class FakeTargetStdioConformanceTest extends TargetConformanceSuite {

    @Override
    protected ConformanceTarget newTarget() throws IOException {
        return StdioFakeTarget.create();
    }
}
