package dev.dapkit.target.micropython;

import dev.dapkit.testkit.target.ConformanceTarget;
import dev.dapkit.testkit.target.TargetConformanceSuite;

/** The target conformance suite on CPython running the agent (frames with f_locals: the loop is in main()). */
class CPythonConformanceTest extends TargetConformanceSuite {

    @Override
    protected ConformanceTarget newTarget() throws Exception {
        return new PythonConformanceTarget(Interpreters.Kind.CPYTHON);
    }
}
