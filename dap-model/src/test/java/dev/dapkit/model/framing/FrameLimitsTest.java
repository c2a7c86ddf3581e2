package dev.dapkit.model.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FrameLimitsTest {

    @Test
    void defaultsAreOneKibHeaderAndSixteenMibBody() {
        assertEquals(new FrameLimits(1024, 16 * 1024 * 1024), FrameLimits.defaults());
    }

    @Test
    void withersChangeOneLimit() {
        assertEquals(new FrameLimits(1024, 500), FrameLimits.defaults().withMaxBodyBytes(500));
        assertEquals(new FrameLimits(64, 16 * 1024 * 1024), FrameLimits.defaults().withMaxHeaderBytes(64));
    }

    @Test
    void rejectsLimitsOutOfRange() {
        assertEquals("maxBodyBytes must be between 1 and 2147483583, got 0",
                assertThrows(IllegalArgumentException.class, () -> FrameLimits.defaults().withMaxBodyBytes(0))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> FrameLimits.defaults().withMaxBodyBytes(-1));
        assertThrows(IllegalArgumentException.class, () -> FrameLimits.defaults().withMaxBodyBytes(Integer.MAX_VALUE));
        assertEquals("maxHeaderBytes must be between 32 and 65536, got 31",
                assertThrows(IllegalArgumentException.class, () -> new FrameLimits(31, 100)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FrameLimits(65537, 100));
        new FrameLimits(32, FrameLimits.MAX_BODY_BYTES);
    }

    @Test
    void theSmallestHeaderCapStillFitsTheLargestLength() throws Exception {
        byte[] header = Frames.latin1("Content-Length: " + FrameLimits.MAX_BODY_BYTES + "\r\n\r\n");
        FrameDecoder decoder =
                new FrameDecoder(new FrameLimits(FrameLimits.MIN_HEADER_BYTES, FrameLimits.MAX_BODY_BYTES));
        decoder.feed(header, 0, header.length, m -> { });
        assertEquals(FrameDecoder.INITIAL_BODY_CAPACITY, decoder.bodyBufferCapacity());
    }
}
