/** The embeddable DAP client engine. */
module dev.dapkit.client {
    requires transitive dev.dapkit.model;
    requires org.slf4j;
}
