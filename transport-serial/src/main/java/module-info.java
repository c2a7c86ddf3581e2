/** DAP over serial lines, on jSerialComm. */
module dev.dapkit.transport.serial {
    requires transitive dev.dapkit.model;
    requires com.fazecast.jSerialComm;
    requires org.slf4j;
}
