package dev.dapkit.target.micropython.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits the byte stream from an agent into its messages ({@code 0x1E <json> 0x0A} lines) and the
 * program output around them, as a pure state machine fed with whatever chunks arrive. A line's
 * length is checked against {@link #MAX_LINE} before its bytes are buffered; output is handed on
 * at the end of each chunk and before each message, without splitting a UTF-8 character.
 *
 * <p>Not thread-safe: one reader feeds it.
 */
public final class AgentFrameDecoder {

    /** The longest agent line, in bytes between the markers (PROTOCOL.md). */
    public static final int MAX_LINE = 64 * 1024;

    static final byte START = 0x1E;
    static final byte END = 0x0A;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String peer;
    private final int maxLine;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private boolean inLine;
    private long offset;

    /** What the decoder found; called on the feeding thread. */
    public interface Sink {
        /** One agent message. */
        void message(ObjectNode message);

        /** Program output that is not part of any agent line. */
        void output(String text);
    }

    /** @param peer who sends the bytes, for error messages, e.g. {@code 192.168.1.20:5678} */
    public AgentFrameDecoder(String peer) {
        this(peer, MAX_LINE);
    }

    AgentFrameDecoder(String peer, int maxLine) {
        this.peer = peer;
        this.maxLine = maxLine;
    }

    /**
     * Feeds the next chunk of the stream.
     *
     * @throws AgentLinkException when a line is too long, is not a JSON object, or a new line begins
     *     inside one; the stream cannot be trusted after that
     */
    public void feed(byte[] bytes, int from, int length, Sink sink) throws AgentLinkException {
        int end = from + length;
        int i = from;
        while (i < end) {
            if (!inLine) {
                int start = indexOf(bytes, i, end, START);
                int stop = start < 0 ? end : start;
                output.write(bytes, i, stop - i);
                offset += stop - i;
                i = stop;
                if (start >= 0) {
                    flushOutput(sink, true);
                    inLine = true;
                    i++;
                    offset++;
                }
            } else {
                int newline = indexOf(bytes, i, end, END);
                int stop = newline < 0 ? end : newline;
                int nested = indexOf(bytes, i, stop, START);
                if (nested >= 0) {
                    throw new AgentLinkException("the agent at " + peer + " began a new line (0x1E) at byte "
                            + (offset + nested - i) + " of the stream, inside an unfinished one of "
                            + (line.size() + nested - i) + " bytes");
                }
                if (line.size() + (stop - i) > maxLine) {
                    throw new AgentLinkException("the agent at " + peer + " sent a line longer than " + maxLine
                            + " bytes (at byte " + offset + " of the stream); the limit is checked before buffering");
                }
                line.write(bytes, i, stop - i);
                offset += stop - i;
                i = stop;
                if (newline >= 0) {
                    i++;
                    offset++;
                    inLine = false;
                    byte[] json = line.toByteArray();
                    line.reset();
                    sink.message(parse(json));
                }
            }
        }
        flushOutput(sink, false);
    }

    /** How many bytes of an unfinished line are buffered: never more than the limit. */
    int bufferedLineBytes() {
        return line.size();
    }

    /** Hands on whatever output is left, even half a UTF-8 character: the stream has ended. */
    public void finish(Sink sink) {
        flushOutput(sink, true);
    }

    private ObjectNode parse(byte[] json) throws AgentLinkException {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AgentLinkException("the agent at " + peer + " sent a line that is not JSON ("
                    + e.getOriginalMessage() + "): " + preview(json), e);
        } catch (java.io.IOException e) {
            throw new AgentLinkException("the agent at " + peer + " sent an unreadable line: " + preview(json), e);
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new AgentLinkException("the agent at " + peer + " sent a line that is not a JSON object: "
                + preview(json));
    }

    private void flushOutput(Sink sink, boolean all) {
        if (output.size() == 0) {
            return;
        }
        byte[] bytes = output.toByteArray();
        int cut = all ? bytes.length : completeUtf8Prefix(bytes);
        output.reset();
        output.write(bytes, cut, bytes.length - cut);
        if (cut > 0) {
            sink.output(new String(bytes, 0, cut, StandardCharsets.UTF_8));
        }
    }

    /** The length of the longest prefix that does not end inside a UTF-8 sequence. */
    static int completeUtf8Prefix(byte[] bytes) {
        int n = bytes.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = bytes[n - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for the lead
            }
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String preview(byte[] json) {
        String text = new String(json, 0, Math.min(json.length, 120), StandardCharsets.UTF_8);
        return "'" + text + (json.length > 120 ? "...'" : "'");
    }
}
