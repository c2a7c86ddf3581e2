/** Debugs MicroPython programs through a small sys.settrace agent on the device. */
module dev.dapkit.target.micropython {
    requires dev.dapkit.server;
    requires dev.dapkit.transport.tcp;
    requires dev.dapkit.transport.serial;
    requires org.slf4j;
}
