/**
 * Debugs MicroPython programs (and CPython ones) through a small {@code sys.settrace} agent on the
 * device: the {@code micropython} target of dapkit's server.
 */
module dev.dapkit.target.micropython {
    requires dev.dapkit.server;
    requires org.slf4j;

    exports dev.dapkit.target.micropython;

    provides dev.dapkit.server.spi.TargetProvider
            with dev.dapkit.target.micropython.MicroPythonTargetProvider;
}
