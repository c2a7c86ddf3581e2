package dev.dapkit.target.fake;

import dev.dapkit.server.spi.FakeTargetSpi;

/** Test fixture: a target that keeps to the server's SPI, as DESIGN §1 asks. */
public final class FakeTargetUsingSpi implements FakeTargetSpi {

    @Override
    public int threadCount() {
        return 1;
    }
}
