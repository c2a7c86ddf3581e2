package dev.dapkit.transport.tcp.internal;

import static dev.dapkit.transport.tcp.internal.Frames.ascii;
import static dev.dapkit.transport.tcp.internal.Frames.buf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.MalformedMessageException;
import dev.dapkit.model.framing.FrameLimits;
import dev.dapkit.model.framing.FramingException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The handler on an {@link EmbeddedChannel}: bytes in, messages and ends out, time virtual. */
class DapFrameHandlerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private RecordingListener listener;
    private DapFrameHandler handler;

    @AfterEach
    void closeChannels() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    private EmbeddedChannel channel() {
        return channel(FrameLimits.defaults());
    }

    private EmbeddedChannel channel(FrameLimits limits) {
        listener = new RecordingListener();
        handler = new DapFrameHandler(limits, TIMEOUT, "test peer", listener, true);
        EmbeddedChannel channel = new EmbeddedChannel(handler);
        channel.freezeTime();
        channels.add(channel);
        return channel;
    }

    private static void advance(EmbeddedChannel channel, Duration by) {
        channel.advanceTimeBy(by.toNanos(), TimeUnit.NANOSECONDS);
        channel.runPendingTasks();
    }

    private static int headerLength(byte[] frame) {
        return new String(frame, StandardCharsets.US_ASCII).indexOf("\r\n\r\n") + 4;
    }

    @Test
    void everySplitOfTwoFramesGivesBothMessages() {
        DapMessage a = Frames.request(1);
        DapMessage b = Frames.output(2, "h\u00e9llo \u20ac\n");
        byte[] bytes = Frames.of(a, b);
        int firstFrame = Frames.of(a).length;
        for (int split = 0; split <= bytes.length; split++) {
            EmbeddedChannel channel = channel();
            channel.writeInbound(buf(bytes, 0, split));
            channel.writeInbound(buf(bytes, split, bytes.length));
            assertEquals(List.of(a, b), listener.messages, "split at byte " + split);
            assertEquals(List.of((long) firstFrame, (long) (bytes.length - firstFrame)), listener.frameSizes,
                    "frame sizes, split at byte " + split);
            assertFalse(listener.ended(), "split at byte " + split);
            assertTrue(channel.isOpen());
        }
    }

    @Test
    void oneByteAtATimeGivesEveryMessage() {
        DapMessage[] sent = {Frames.request(1), Frames.output(2, "two\n"), Frames.request(3)};
        byte[] bytes = Frames.of(sent);
        EmbeddedChannel channel = channel();
        for (int i = 0; i < bytes.length; i++) {
            channel.writeInbound(buf(bytes, i, i + 1));
        }
        assertEquals(List.of(sent), listener.messages);
    }

    @Test
    void severalFramesInOneBufferGiveTheirMessagesInOrder() {
        DapMessage[] sent = new DapMessage[20];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = i % 2 == 0 ? Frames.request(i + 1) : Frames.output(i + 1, "line " + i + "\n");
        }
        EmbeddedChannel channel = channel();
        ByteBuf all = buf(Frames.of(sent));
        channel.writeInbound(all);
        assertEquals(List.of(sent), listener.messages);
        assertEquals(0, all.refCnt(), "the handler releases what it reads");
    }

    @Test
    void anOversizeFrameIsRefusedFromItsHeaderAlone() {
        EmbeddedChannel channel = channel(FrameLimits.defaults().withMaxBodyBytes(100));
        channel.writeInbound(buf(ascii("Content-Length: 1000\r\n\r\n")));
        FramingException error = listener.assertEndedWith(FramingException.class);
        assertTrue(error.getMessage().contains("1000") && error.getMessage().contains("100"), error.getMessage());
        assertFalse(channel.isOpen(), "the channel is closed after a framing error");
        assertTrue(listener.messages.isEmpty());
    }

    @Test
    void garbageClosesTheChannelWithTheDecodersError() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(buf(ascii("GET / HTTP/1.1\r\nHost: example\r\n\r\n")));
        FramingException error = listener.assertEndedWith(FramingException.class);
        assertTrue(error.getMessage().contains("header line 1"), error.getMessage());
        assertFalse(channel.isOpen());
    }

    @Test
    void aBodyThatIsNotAMessageClosesTheChannel() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(buf(ascii("Content-Length: 5\r\n\r\nhello")));
        listener.assertEndedWith(MalformedMessageException.class);
        assertFalse(channel.isOpen());
    }

    @Test
    void endOfStreamBetweenFramesEndsOrderly() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(buf(Frames.of(Frames.request(1))));
        channel.close();
        listener.assertEndedOrderly();
        assertEquals(1, listener.messages.size());
    }

    @Test
    void endOfStreamInsideAFrameEndsWithWhereItStopped() {
        byte[] frame = Frames.of(Frames.output(1, "x".repeat(100)));
        EmbeddedChannel channel = channel();
        channel.writeInbound(buf(frame, 0, headerLength(frame) + 7));
        channel.close();
        FramingException error = listener.assertEndedWith(FramingException.class);
        assertTrue(error.getMessage().contains("after 7 of"), error.getMessage());
    }

    @Test
    void anExceptionFromTheChannelEndsTheInputWithIt() {
        EmbeddedChannel channel = channel();
        IOException reset = new IOException("Connection reset by peer");
        channel.pipeline().fireExceptionCaught(reset);
        assertSame(reset, listener.assertEndedWith(IOException.class));
        assertFalse(channel.isOpen());
    }

    @Test
    void aFrameLeftUnfinishedIsClosedWhenTheTimeoutPasses() {
        byte[] frame = Frames.of(Frames.output(1, "x".repeat(380)));
        int header = headerLength(frame);
        int bodyLength = frame.length - header;
        EmbeddedChannel channel = channel();
        channel.writeInbound(buf(frame, 0, header + 12));

        advance(channel, TIMEOUT.minusSeconds(1));
        assertTrue(channel.isOpen(), "closed before the timeout");
        assertFalse(listener.ended());

        advance(channel, Duration.ofSeconds(1));
        FramingException error = listener.assertEndedWith(FramingException.class);
        assertEquals("no complete frame within 30 s from test peer: 12 of " + bodyLength
                + " body bytes received (frame at stream offset 0)", error.getMessage());
        assertFalse(channel.isOpen());
    }

    @Test
    void aSlowFrameThatCompletesInTimeIsKept() {
        DapMessage message = Frames.output(1, "y".repeat(500));
        byte[] frame = Frames.of(message);
        EmbeddedChannel channel = channel();
        int pieces = 10;
        for (int i = 0; i < pieces; i++) {
            channel.writeInbound(buf(frame, frame.length * i / pieces, frame.length * (i + 1) / pieces));
            if (i < pieces - 1) {
                advance(channel, Duration.ofMillis(3200)); // 28.8 s in all
            }
        }
        assertEquals(List.of(message), listener.messages);
        advance(channel, Duration.ofMinutes(10));
        assertTrue(channel.isOpen(), "an idle connection between frames is not timed out");
        assertFalse(listener.ended());
    }

    @Test
    void theClockCountsFromTheFramesFirstByteNotItsLatest() {
        byte[] frame = Frames.of(Frames.output(1, "z".repeat(300)));
        EmbeddedChannel channel = channel();
        channel.writeInbound(buf(frame, 0, 50));
        advance(channel, Duration.ofSeconds(10));
        channel.writeInbound(buf(frame, 50, 100));
        advance(channel, Duration.ofSeconds(10));
        channel.writeInbound(buf(frame, 100, 150));
        advance(channel, Duration.ofSeconds(9));
        assertTrue(channel.isOpen());
        advance(channel, Duration.ofSeconds(1));
        listener.assertEndedWith(FramingException.class);
        assertFalse(channel.isOpen(), "a trickle of bytes must not keep a frame open past the timeout");
    }

    @Test
    void aFrameThatBeginsInTheSameReadAsAnotherEndsGetsItsOwnClock() {
        byte[] first = Frames.of(Frames.request(1));
        byte[] second = Frames.of(Frames.request(2));
        EmbeddedChannel channel = channel();
        channel.writeInbound(buf(first, 0, 10));
        advance(channel, Duration.ofSeconds(25));
        byte[] restAndStart = new byte[first.length - 10 + 5];
        System.arraycopy(first, 10, restAndStart, 0, first.length - 10);
        System.arraycopy(second, 0, restAndStart, first.length - 10, 5);
        channel.writeInbound(buf(restAndStart));
        assertEquals(1, listener.messages.size());

        advance(channel, Duration.ofSeconds(29));
        assertTrue(channel.isOpen(), "the second frame's clock started 29 s ago");
        advance(channel, Duration.ofSeconds(1));
        FramingException error = listener.assertEndedWith(FramingException.class);
        assertTrue(error.getMessage().contains("frame at stream offset " + first.length), error.getMessage());
        assertTrue(error.getMessage().contains("after 5 header bytes"), error.getMessage());
    }

    @Test
    void theClockStopsWhileReadingIsOffAndRestartsWhenItResumes() {
        byte[] frame = Frames.of(Frames.request(1));
        EmbeddedChannel channel = channel();
        channel.writeInbound(buf(frame, 0, 20));
        advance(channel, Duration.ofSeconds(10));
        handler.setReading(false);
        assertFalse(channel.config().isAutoRead());
        advance(channel, Duration.ofMinutes(5));
        assertTrue(channel.isOpen(), "the peer is not to blame while we do not read");

        handler.setReading(true);
        assertTrue(channel.config().isAutoRead());
        advance(channel, TIMEOUT.minusSeconds(1));
        assertTrue(channel.isOpen(), "the clock restarts when reading resumes");
        advance(channel, Duration.ofSeconds(1));
        listener.assertEndedWith(FramingException.class);
    }

    @Test
    void nothingIsDecodedAfterTheInputEnded() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(buf(ascii("X-Nonsense: 1\r\n\r\n")));
        listener.assertEndedWith(FramingException.class);
        ByteBuf late = buf(Frames.of(Frames.request(1)));
        handler.channelRead(channel.pipeline().context(handler), late);
        assertTrue(listener.messages.isEmpty());
        assertEquals(0, late.refCnt());
    }
}
