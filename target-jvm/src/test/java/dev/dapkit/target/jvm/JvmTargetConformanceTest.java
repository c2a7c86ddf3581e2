package dev.dapkit.target.jvm;

import dev.dapkit.testkit.target.ConformanceTarget;
import dev.dapkit.testkit.target.TargetConformanceSuite;
import org.junit.jupiter.api.extension.ExtendWith;

/** The target conformance suite for the JVM target: real JVMs running the Java samples, behind an in-memory server. */
@ExtendWith(NeedsEvaluator.class)
class JvmTargetConformanceTest extends TargetConformanceSuite {

    @Override
    protected ConformanceTarget newTarget() {
        return new JvmConformanceTarget();
    }
}
