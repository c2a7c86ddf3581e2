package dev.dapkit.server.spi;

/** Test fixture standing for the target SPI, the one server package a target may use. */
public interface FakeTargetSpi {

    int threadCount();
}
