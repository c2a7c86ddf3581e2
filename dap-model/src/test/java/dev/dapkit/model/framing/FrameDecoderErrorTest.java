package dev.dapkit.model.framing;

import static dev.dapkit.model.framing.Frames.concat;
import static dev.dapkit.model.framing.Frames.encode;
import static dev.dapkit.model.framing.Frames.latin1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streams that are not DAP frames: each fails at once, says what and where, and spends no body memory. */
class FrameDecoderErrorTest {

    private final FrameDecoder decoder = new FrameDecoder();
    private final List<DapMessage> out = new ArrayList<>();

    private FramingException fails(String stream) {
        return fails(latin1(stream));
    }

    private FramingException fails(byte[] stream) {
        FramingException e = assertThrows(FramingException.class,
                () -> decoder.feed(stream, 0, stream.length, out::add));
        assertEquals(0, decoder.bodyBufferCapacity(), "no body buffer after a header error");
        return e;
    }

    private static void assertMessage(String expected, FramingException e) {
        assertEquals(expected, e.getMessage());
    }

    @Test
    void httpRequestLine() {
        FramingException e = fails("POST / HTTP/1.1\r\nHost: 127.0.0.1:4711\r\n\r\n");
        assertMessage("looks like an HTTP request ('POST / HTTP/1.1'): DAP frames start with Content-Length "
                + "(header line 1, stream offset 0)", e);
        assertEquals(0, e.streamOffset());
    }

    @Test
    void httpRequestLineWithAColonInTheTarget() {
        FramingException e = fails("GET http://127.0.0.1:4711/ HTTP/1.1\r\n");
        assertTrue(e.getMessage().startsWith("looks like an HTTP request ('GET http://127.0.0.1:4711/ HTTP/1.1')"),
                e.getMessage());
    }

    @Test
    void httpResponseLine() {
        assertTrue(fails("HTTP/1.1 200 OK\r\n").getMessage()
                .startsWith("looks like an HTTP response ('HTTP/1.1 200 OK')"));
    }

    @Test
    void hostHeaderSuggestsABrowser() {
        FramingException e = fails("Content-Length: 2\r\nHost: localhost:4711\r\n\r\n{}");
        assertMessage("header 'Host' in header line 2 at stream offset 19 is an HTTP header: a browser or a "
                + "DNS-rebinding page may be talking to this port; DAP frames have only Content-Length and "
                + "Content-Type", e);
        assertEquals(19, e.streamOffset());
    }

    @Test
    void originHeaderSuggestsABrowser() {
        FramingException e = fails("origin: http://evil.example\r\n");
        assertTrue(e.getMessage().startsWith("header 'origin' in header line 1 at stream offset 0 is an HTTP header: "
                + "a browser or a DNS-rebinding page"), e.getMessage());
    }

    @Test
    void unknownHeader() {
        assertMessage("unknown header 'X-Trace' in header line 2 at stream offset 20: DAP frames have only "
                + "Content-Length and Content-Type", fails("Content-Length: 10\r\nX-Trace: on\r\n\r\n"));
    }

    @Test
    void nonAsciiGarbageBetweenFrames() {
        byte[] valid = encode(Frames.samples().get(1));
        FramingException e = fails(concat(valid, new byte[] {(byte) 0xFF, (byte) 0xFE, 'C'}));
        assertMessage("garbage at stream offset " + valid.length + ": byte 0xFF is not ASCII, and a DAP frame "
                + "starts with the header 'Content-Length'", e);
        assertEquals(valid.length, e.streamOffset());
        assertEquals(List.of(Frames.samples().get(1)), out, "the frame before the garbage is delivered");
    }

    @Test
    void nonAsciiByteInAHeaderValue() {
        assertMessage("non-ASCII byte 0xC3 in header line 1 at stream offset 17 (header bytes must be ASCII)",
                fails(Frames.concat(latin1("Content-Length: 1"), new byte[] {(byte) 0xC3, (byte) 0xA9})));
    }

    @Test
    void controlByteInAHeader() {
        // 0x16 is how a TLS ClientHello starts: a tcps:// client on a plain port
        assertMessage("control byte 0x16 in header line 1 at stream offset 0", fails("\u0016\u0003\u0001\u0002"));
    }

    @Test
    void negativeLength() {
        FramingException e = fails("Content-Length: -5\r\n\r\n");
        assertMessage("Content-Length -5 is negative (header line 1, stream offset 0)", e);
        assertEquals(0, e.streamOffset());
    }

    @Test
    void signedLength() {
        assertMessage("Content-Length '+5' has a sign: only the digits 0-9 are allowed "
                + "(header line 1, stream offset 0)",
                fails("Content-Length: +5\r\n"));
    }

    @Test
    void nonDigitLength() {
        assertMessage("Content-Length '12a' is not a decimal number (only the digits 0-9 are allowed) "
                + "(header line 1, stream offset 0)", fails("Content-Length: 12a\r\n"));
        FrameDecoder other = new FrameDecoder();
        byte[] hex = latin1("Content-Length: 0x10\r\n");
        FramingException e = assertThrows(FramingException.class, () -> other.feed(hex, 0, hex.length, out::add));
        assertTrue(e.getMessage().startsWith("Content-Length '0x10' is not a decimal number"), e.getMessage());
    }

    @Test
    void emptyLength() {
        assertMessage("Content-Length is empty (header line 1, stream offset 0)", fails("Content-Length:   \r\n"));
    }

    @Test
    void twentyDigitLengthIsRejectedWithoutBeingParsed() {
        assertMessage("Content-Length 12345678901234567890 (20 digits) exceeds the maximum body size of 16777216 "
                + "bytes (header line 1, stream offset 0)", fails("Content-Length: 12345678901234567890\r\n"));
    }

    @Test
    void twoBillionLengthFailsBeforeTheBlankLine() {
        FramingException e = fails("Content-Length: 2000000000\r\n");
        assertMessage("Content-Length 2000000000 (10 digits) exceeds the maximum body size of 16777216 bytes "
                + "(header line 1, stream offset 0)", e);
        assertEquals(28, decoder.streamOffset(), "failed at the end of the header line, before the blank line");
    }

    @Test
    void lengthOneOverTheCapFailsBeforeABodyByteIsBuffered() {
        FramingException e = fails("Content-Length: 16777217\r\n\r\n{\"seq\":1");
        assertMessage("Content-Length 16777217 exceeds the maximum body size of 16777216 bytes "
                + "(header line 1, stream offset 0)", e);
        assertEquals(26, decoder.streamOffset(), "stopped at the end of the header line");
    }

    @Test
    void lengthOverAConfiguredCap() {
        FrameDecoder small = new FrameDecoder(FrameLimits.defaults().withMaxBodyBytes(100));
        byte[] stream = latin1("Content-Length: 00101\r\n");
        FramingException e = assertThrows(FramingException.class, () -> small.feed(stream, 0, stream.length, out::add));
        assertMessage("Content-Length 00101 exceeds the maximum body size of 100 bytes "
                + "(header line 1, stream offset 0)",
                e);
        assertEquals(0, small.bodyBufferCapacity());
    }

    @Test
    void duplicateContentLength() {
        FramingException e = fails("Content-Length: 2\r\ncontent-length: 2\r\n\r\n{}");
        assertMessage("duplicate 'Content-Length' header in header line 2 at stream offset 19 (the first is "
                + "header line 1)", e);
        assertEquals(19, e.streamOffset());
    }

    @Test
    void missingContentLength() {
        assertMessage("header block at stream offset 0 ends without a 'Content-Length' header (blank line 2 at "
                + "stream offset 32)", fails("Content-Type: application/json\r\n\r\n{}"));
    }

    @Test
    void emptyHeaderBlock() {
        assertMessage("empty header block at stream offset 0 ends without a 'Content-Length' header (blank line 1 "
                + "at stream offset 0)", fails("\r\n{}"));
    }

    @Test
    void missingBlankLineBeforeTheBody() {
        FramingException e = fails("Content-Length: 45\r\n{\"seq\":1,\"type\":\"event\",\"event\":\"stopped\"}");
        assertMessage("header line 2 at stream offset 20 starts with '{': the blank line that ends the header "
                + "block is missing (after 'Content-Length: 45')", e);
        assertEquals(20, e.streamOffset());
    }

    @Test
    void jsonWithoutAnyHeader() {
        assertMessage("frame at stream offset 0 starts with '{': JSON without the 'Content-Length' header that "
                + "must come before it", fails("{\"seq\":1,\"type\":\"event\",\"event\":\"stopped\"}"));
    }

    @Test
    void bareLineFeed() {
        assertMessage("header line 1 ends with a bare LF at stream offset 17 (header lines end with CRLF)",
                fails("Content-Length: 2\n\n{}"));
    }

    @Test
    void carriageReturnWithoutLineFeed() {
        assertMessage("header line 1 has a CR not followed by LF at stream offset 17 (header lines end with CRLF)",
                fails("Content-Length: 2\rContent-Type: x\r\n"));
    }

    @Test
    void lineThatIsNotNameColonValue() {
        assertMessage("header line 'hello there' is not 'Name: value' (header line 1, stream offset 0)",
                fails("hello there\r\n"));
        FrameDecoder other = new FrameDecoder();
        byte[] spaced = latin1("Content-Length : 2\r\n");
        FramingException e = assertThrows(FramingException.class, () -> other.feed(spaced, 0, spaced.length, out::add));
        assertMessage("header line 'Content-Length : 2' is not 'Name: value' (header line 1, stream offset 0)", e);
    }

    @Test
    void contentTypeWithAnotherCharset() {
        assertMessage("Content-Type charset 'utf-16' is not supported: DAP bodies are UTF-8 (header line 2, "
                + "stream offset 20)",
                fails("Content-Length: 10\r\nContent-Type: application/json; charset=utf-16\r\n"));
    }

    @Test
    void headerBlockOverTheCap() {
        String stream = "Content-Length: 2\r\nContent-Type: " + "a".repeat(2000) + "\r\n\r\n{}";
        FramingException e = fails(stream);
        assertMessage("header block exceeds 1024 bytes at stream offset 1024 (frame at stream offset 0, header line 2 "
                + "starts 'Content-Type: aaaaaaaaaaaaaaaaaaaaaaa...')", e);
        assertEquals(1025, decoder.streamOffset(), "not a byte read past the cap");
    }

    @Test
    void headerBlockOverTheCapAfterAFrame() {
        byte[] valid = encode(Frames.samples().get(0));
        FrameDecoder small = new FrameDecoder(FrameLimits.defaults().withMaxHeaderBytes(40));
        byte[] stream = concat(valid, latin1("Content-Type: application/json; charset=utf-8\r\n"));
        FramingException e = assertThrows(FramingException.class, () -> small.feed(stream, 0, stream.length, out::add));
        assertMessage("header block exceeds 40 bytes at stream offset " + (valid.length + 40) + " (frame at stream "
                + "offset " + valid.length + ", header line 1 starts 'Content-Type: application/json; charset=')", e);
        assertEquals(valid.length + 40, e.streamOffset());
    }

    @Test
    void endOfStreamInsideABody() throws Exception {
        byte[] stream = latin1("Content-Length: 53\r\n\r\n{\"seq\":1,");
        decoder.feed(stream, 0, stream.length, out::add);
        assertTrue(decoder.isMidFrame());
        FramingException e = assertThrows(FramingException.class, decoder::endOfStream);
        assertMessage("stream ended at stream offset 31 after 9 of 53 body bytes (frame at stream offset 0)", e);
        assertEquals(31, e.streamOffset());
    }

    @Test
    void endOfStreamInsideAHeaderBlock() throws Exception {
        byte[] stream = concat(encode(Frames.samples().get(1)), latin1("Content-Len"));
        decoder.feed(stream, 0, stream.length, out::add);
        FramingException e = assertThrows(FramingException.class, decoder::endOfStream);
        int at = stream.length - 11;
        assertMessage("stream ended at stream offset " + stream.length + " inside the header block of the frame at "
                + "stream offset " + at + ", after 11 header bytes (header line 1 starts 'Content-Len')", e);
    }

    @Test
    void everyCallAfterAFailureSaysTheDecoderFailed() {
        FramingException first = fails("Content-Length: -5\r\n\r\n");
        byte[] valid = encode(Frames.samples().get(0));
        FramingException again = assertThrows(FramingException.class,
                () -> decoder.feed(valid, 0, valid.length, out::add));
        assertMessage("decoder already failed at stream offset 0: Content-Length -5 is negative "
                + "(header line 1, stream offset 0)", again);
        assertSame(first, again.getCause());
        FramingException atEnd = assertThrows(FramingException.class, decoder::endOfStream);
        assertTrue(atEnd.getMessage().startsWith("decoder already failed at stream offset 0: "), atEnd.getMessage());
        assertTrue(out.isEmpty());
    }

    @Test
    void theAnnouncedLengthIsNotAllocatedUpFront() throws Exception {
        byte[] header = latin1("Content-Length: " + FrameLimits.DEFAULT_MAX_BODY_BYTES + "\r\n\r\n");
        decoder.feed(header, 0, header.length, out::add);
        assertTrue(decoder.isMidFrame());
        assertEquals(FrameDecoder.INITIAL_BODY_CAPACITY, decoder.bodyBufferCapacity());

        byte[] some = latin1("{" + " ".repeat(FrameDecoder.INITIAL_BODY_CAPACITY + 100));
        decoder.feed(some, 0, some.length, out::add);
        assertEquals(2 * FrameDecoder.INITIAL_BODY_CAPACITY, decoder.bodyBufferCapacity(), "grows by doubling");
    }

    @Test
    void aSmallBodyGetsExactlyItsSize() throws Exception {
        byte[] header = latin1("Content-Length: 100\r\n\r\n");
        decoder.feed(header, 0, header.length, out::add);
        assertEquals(100, decoder.bodyBufferCapacity());
    }
}
