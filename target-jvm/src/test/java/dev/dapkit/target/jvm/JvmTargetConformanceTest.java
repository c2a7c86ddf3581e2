package dev.dapkit.target.jvm;

import dev.dapkit.testkit.target.ConformanceTarget;
import dev.dapkit.testkit.target.TargetConformanceSuite;

/** The target conformance suite for the JVM target: real JVMs running the Java samples, behind an in-memory server. */
class JvmTargetConformanceTest extends TargetConformanceSuite {

    @Override
    protected ConformanceTarget newTarget() {
        return new JvmConformanceTarget();
    }
}
