package dev.dapkit.target.micropython.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent line codec fed with byte streams, without sockets: whole and split lines, program
 * output around them (also split inside a UTF-8 character), and every kind of bad input.
 */
class AgentFrameDecoderTest {

    private final AgentFrameDecoder decoder = new AgentFrameDecoder("test-board:5678");
    private final List<ObjectNode> messages = new ArrayList<>();
    private final StringBuilder output = new StringBuilder();
    private final List<String> outputChunks = new ArrayList<>();
    private final AgentFrameDecoder.Sink sink = new AgentFrameDecoder.Sink() {
        @Override
        public void message(ObjectNode message) {
            messages.add(message);
        }

        @Override
        public void output(String text) {
            output.append(text);
            outputChunks.add(text);
        }
    };

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] line(String json) {
        return bytes("\u001e" + json + "\n");
    }

    private void feed(byte[] stream) throws AgentLinkException {
        decoder.feed(stream, 0, stream.length, sink);
    }

    private void feedInChunksOf(byte[] stream, int size) throws AgentLinkException {
        for (int i = 0; i < stream.length; i += size) {
            decoder.feed(stream, i, Math.min(size, stream.length - i), sink);
        }
    }

    @Test
    void oneLineIsOneMessage() throws Exception {
        feed(line("{\"ev\":\"hello\",\"proto\":1}"));
        assertEquals(1, messages.size());
        assertEquals("hello", messages.get(0).get("ev").asText());
        assertEquals(1, messages.get(0).get("proto").asInt());
        assertEquals("", output.toString());
    }

    @Test
    void linesSplitAtEveryByteComeOutWhole() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(line("{\"r\":1,\"exists\":true}"));
        stream.writeBytes(line("{\"ev\":\"out\",\"cat\":\"stdout\",\"text\":\"caf\\u00e9 \u00e9\\n\"}"));
        stream.writeBytes(line("{\"r\":2}"));
        feedInChunksOf(stream.toByteArray(), 1);
        assertEquals(3, messages.size());
        assertEquals(1, messages.get(0).get("r").asInt());
        assertEquals("caf\u00e9 \u00e9\n", messages.get(1).get("text").asText());
        assertEquals(2, messages.get(2).get("r").asInt());
    }

    @Test
    void bytesOutsideLinesAreProgramOutputInOrder() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(bytes("boot: ok\n"));
        stream.writeBytes(line("{\"ev\":\"hello\",\"proto\":1}"));
        stream.writeBytes(bytes("total 10\n>>> "));
        stream.writeBytes(line("{\"ev\":\"exit\",\"code\":0}"));
        feedInChunksOf(stream.toByteArray(), 7);
        assertEquals(2, messages.size());
        assertEquals("boot: ok\ntotal 10\n>>> ", output.toString());
    }

    @Test
    void outputIsHandedOnBeforeTheLineThatFollowsIt() throws Exception {
        List<String> order = new ArrayList<>();
        AgentFrameDecoder.Sink recording = new AgentFrameDecoder.Sink() {
            @Override
            public void message(ObjectNode message) {
                order.add("message " + message.get("ev").asText());
            }

            @Override
            public void output(String text) {
                order.add("output " + text);
            }
        };
        byte[] stream = bytes("before\n\u001e{\"ev\":\"stopped\"}\nafter\n");
        decoder.feed(stream, 0, stream.length, recording);
        assertEquals(List.of("output before\n", "message stopped", "output after\n"), order);
    }

    @Test
    void aUtf8CharacterSplitBetweenChunksIsNeverBroken() throws Exception {
        byte[] stream = bytes("\u00e9t\u00e9 \u20ac \ud83d\ude00!");
        feedInChunksOf(stream, 1);
        assertEquals("\u00e9t\u00e9 \u20ac \ud83d\ude00!", output.toString());
        assertTrue(outputChunks.stream().noneMatch(c -> c.contains("\ufffd")), "no replacement characters: "
                + outputChunks);
    }

    @Test
    void halfACharacterAtTheEndOfTheStreamIsStillHandedOn() throws Exception {
        byte[] euro = bytes("\u20ac");
        decoder.feed(euro, 0, 2, sink);
        assertEquals("", output.toString(), "two bytes of three wait for the third");
        decoder.finish(sink);
        assertEquals(1, output.length(), "the stream ended: the half character is shown as it is");
    }

    @Test
    void aLineLongerThanTheLimitFailsBeforeItIsBuffered() {
        AgentFrameDecoder small = new AgentFrameDecoder("test-board:5678", 16);
        byte[] start = bytes("\u001e{\"v\":\"0123456789");
        byte[] more = bytes("abcdef\"}\n");
        AgentLinkException e = assertThrows(AgentLinkException.class, () -> {
            small.feed(start, 0, start.length, sink);
            assertTrue(small.bufferedLineBytes() <= 16);
            small.feed(more, 0, more.length, sink);
        });
        assertTrue(e.getMessage().contains("test-board:5678") && e.getMessage().contains("longer than 16 bytes"),
                e.getMessage());
        assertTrue(small.bufferedLineBytes() <= 16, "the limit was checked before the bytes were kept: "
                + small.bufferedLineBytes());
        assertEquals(0, messages.size());
    }

    @Test
    void theDefaultLimitIs64KiB() throws Exception {
        String value = "x".repeat(AgentFrameDecoder.MAX_LINE - "{\"v\":\"\"}".length());
        feedInChunksOf(line("{\"v\":\"" + value + "\"}"), 4096);
        assertEquals(1, messages.size(), "a line of exactly 64 KiB passes");
        byte[] tooLong = line("{\"v\":\"" + value + "x\"}");
        AgentLinkException e = assertThrows(AgentLinkException.class, () -> feedInChunksOf(tooLong, 4096));
        assertTrue(e.getMessage().contains("longer than 65536 bytes"), e.getMessage());
    }

    @Test
    void aLineThatIsNotJsonNamesThePeerAndShowsTheLine() {
        AgentLinkException e = assertThrows(AgentLinkException.class, () -> feed(line("{\"ev\":\"hello\",")));
        assertTrue(e.getMessage().startsWith("the agent at test-board:5678 sent a line that is not JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("{\"ev\":\"hello\","), e.getMessage());
    }

    @Test
    void aLineThatIsJsonButNotAnObjectIsRefused() {
        AgentLinkException e = assertThrows(AgentLinkException.class, () -> feed(line("[1, 2]")));
        assertTrue(e.getMessage().contains("not a JSON object"), e.getMessage());
    }

    @Test
    void aNewLineMarkerInsideAnUnfinishedLineIsRefused() {
        byte[] stream = bytes("\u001e{\"r\":1\u001e{\"r\":2}\n");
        AgentLinkException e = assertThrows(AgentLinkException.class, () -> feedInChunksOf(stream, 3));
        assertTrue(e.getMessage().contains("began a new line (0x1E)") && e.getMessage().contains("byte 7"),
                e.getMessage());
    }

    @Test
    void garbageWithoutMarkersIsOnlyOutput() throws Exception {
        byte[] garbage = new byte[256];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i == 0x1E ? 0x20 : i);
        }
        feedInChunksOf(garbage, 5);
        decoder.finish(sink);
        assertEquals(0, messages.size());
        assertTrue(output.length() > 0);
    }

    @Test
    void completeUtf8PrefixStopsBeforeAnUnfinishedCharacter() {
        assertEquals(1, AgentFrameDecoder.completeUtf8Prefix(new byte[] {'a', (byte) 0xE2, (byte) 0x82}));
        assertEquals(4, AgentFrameDecoder.completeUtf8Prefix(new byte[] {'a', (byte) 0xE2, (byte) 0x82, (byte) 0xAC}));
        assertEquals(0, AgentFrameDecoder.completeUtf8Prefix(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}));
        assertEquals(2, AgentFrameDecoder.completeUtf8Prefix(new byte[] {'a', 'b'}));
    }
}
