package dev.dapkit.target.micropython;

import dev.dapkit.testkit.target.ConformanceTarget;
import dev.dapkit.testkit.target.TargetConformanceSuite;

/** The target conformance suite on the real MicroPython unix port with settrace, running the agent. */
class MicroPythonConformanceTest extends TargetConformanceSuite {

    @Override
    protected ConformanceTarget newTarget() throws Exception {
        return new PythonConformanceTarget(Interpreters.Kind.MICROPYTHON);
    }
}
