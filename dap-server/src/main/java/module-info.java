/** The embeddable DAP server engine and the target SPI. */
module dev.dapkit.server {
    requires transitive dev.dapkit.model;
    requires org.slf4j;
}
