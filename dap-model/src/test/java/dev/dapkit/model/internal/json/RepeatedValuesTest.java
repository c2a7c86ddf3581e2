package dev.dapkit.model.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dapkit.model.json.Lsp4jModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackFramePresentationHint;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.junit.jupiter.api.Test;

/**
 * The writer's copies of recently written strings and beans, and the reader's reuse of recently
 * decoded strings: the bytes and values must be exactly those of writing and reading each value
 * afresh, whatever repeats, collides or is evicted.
 */
class RepeatedValuesTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final ObjectMapper MAPPER = Lsp4jModule.configure(new ObjectMapper());

    /** Long enough to be remembered: plain, non-ASCII, needing escapes, a surrogate pair, an unpaired surrogate. */
    private static final List<String> KINDS = List.of(
            "/work/main/src/main/java/dev/dapkit/Example.java",
            "r\u00e9sum\u00e9 \u4e2d\u6587 \u00ff\u07ff\u0800\uffff",
            "tab\there \"quoted\" back\\slash\nnew line \u0001",
            "emoji \ud83d\ude00 and more text",
            "lone \ud800 surrogate in the middle");

    /** What writing each string afresh gives: Jackson's bytes, except that we write surrogate pairs as UTF-8. */
    private static String fresh(List<String> values) {
        StringBuilder expected = new StringBuilder("[");
        for (String value : values) {
            if (expected.length() > 1) {
                expected.append(',');
            }
            Utf8JsonWriter one = new Utf8JsonWriter(4);
            one.writeString(new String(value.toCharArray()));
            expected.append(new String(one.toByteArray(), UTF_8));
        }
        return expected.append(']').toString();
    }

    private static String written(List<String> values) {
        Utf8JsonWriter out = new Utf8JsonWriter(4);
        out.writeByte('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            out.writeString(values.get(i));
        }
        out.writeByte(']');
        return new String(out.toByteArray(), UTF_8);
    }

    @Test
    void theSameStringInstanceWrittenAgainGivesTheSameBytesAsWritingItAfresh() throws Exception {
        List<String> values = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            values.addAll(KINDS);
        }
        String json = written(values);
        assertEquals(fresh(values), json);
        assertEquals(values, List.of(JACKSON.readValue(json, String[].class)));
    }

    @Test
    void equalStringsThatAreDifferentInstancesAndShortStringsAreWrittenAlike() {
        List<String> values = new ArrayList<>();
        for (String kind : KINDS) {
            values.add(kind);
            values.add(new String(kind.toCharArray()));
            values.add(kind.substring(0, 3));
            values.add(kind);
        }
        assertEquals(fresh(values), written(values));
    }

    @Test
    void stringsPushedOutOfTheCacheAndBackAreStillWrittenRight() {
        Random random = new Random(11);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 3 * Utf8JsonWriter.REMEMBERED_STRINGS; i++) {
            pool.add(KINDS.get(i % KINDS.size()) + " #" + i);
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // mostly a few recent ones, sometimes an old one: hits, misses and evictions
            values.add(pool.get(random.nextInt(4) == 0 ? random.nextInt(pool.size()) : random.nextInt(3)));
        }
        assertEquals(fresh(values), written(values));
    }

    private static StackTraceResponse sharedFrames(Source debuggee, Source jdk, int count) {
        String deep = "BenchDebuggee.deep(int)";
        StackFrame[] frames = new StackFrame[count];
        for (int i = 0; i < count; i++) {
            StackFrame frame = new StackFrame();
            frame.setId(i + 1);
            frame.setName(i % 7 == 6 ? "Thread.run()" : deep);
            frame.setSource(i % 7 == 6 ? jdk : debuggee);
            frame.setLine(60 + i % 5);
            frame.setColumn(1);
            if (i % 7 == 6) {
                frame.setPresentationHint(StackFramePresentationHint.SUBTLE);
            }
            frames[i] = frame;
        }
        StackTraceResponse response = new StackTraceResponse();
        response.setStackFrames(frames);
        response.setTotalFrames(count);
        return response;
    }

    private static Source source(String name, String path) {
        Source source = new Source();
        source.setName(name);
        source.setPath(path);
        return source;
    }

    @Test
    void framesSharingSourcesAndNamesAreWrittenAsJacksonWritesThem() throws Exception {
        Lsp4jCodecs codecs = new Lsp4jCodecs(MAPPER);
        StackTraceResponse response = sharedFrames(source("BenchDebuggee.java", "/work/bench/BenchDebuggee.java"),
                source("Thread.java", null), 50);
        assertEquals(MAPPER.writeValueAsString(response), new String(codecs.write(response), UTF_8));
    }

    @Test
    void aSharedBeanChangedBetweenTwoWritesIsWrittenAsItIsNow() throws Exception {
        Lsp4jCodecs codecs = new Lsp4jCodecs(MAPPER);
        Source debuggee = source("BenchDebuggee.java", "/work/bench/BenchDebuggee.java");
        StackTraceResponse response = sharedFrames(debuggee, source("Thread.java", null), 10);
        String before = new String(codecs.write(response), UTF_8);
        debuggee.setPath("/elsewhere/BenchDebuggee.java");
        String after = new String(codecs.write(response), UTF_8);
        assertEquals(MAPPER.writeValueAsString(response), after);
        assertEquals(before.replace("/work/bench/", "/elsewhere/"), after);
    }

    private static List<String> read(String json) {
        byte[] utf8 = json.getBytes(UTF_8);
        Utf8JsonReader in = new Utf8JsonReader(utf8, 0, utf8.length);
        List<String> values = new ArrayList<>();
        int open = in.peek() == '[' ? in.position() : -1;
        if (in.beginArray()) {
            do {
                in.peek();
                values.add(in.readString());
            } while (in.nextElement(open));
        }
        return values;
    }

    @Test
    void equalBytesReadAgainGiveTheSameStringInstance() throws Exception {
        String path = "/work/main/src/main/java/dev/dapkit/Example.java";
        List<String> values = read(JACKSON.writeValueAsString(List.of(path, path, "short", "short", path)));
        assertEquals(List.of(path, path, "short", "short", path), values);
        assertSame(values.get(0), values.get(1));
        assertSame(values.get(0), values.get(4));
    }

    @Test
    void stringsOfTheSameLengthWithOtherBytesOrEscapesAreDecodedForThemselves() {
        List<String> expected = new ArrayList<>();
        for (String kind : KINDS) {
            expected.add(kind);
            // same byte length, one byte different: the slot's string must not be returned
            expected.add(kind.substring(0, kind.length() - 1) + (kind.endsWith("x") ? "y" : "x"));
            expected.add(kind);
        }
        // lengths 12 and 28 share a slot; a string with escapes is never cached
        expected.addAll(List.of("abcdefghijkl", "abcdefghijklmnopqrstuvwxyz01", "abcdefghijkl", "a\"cdefghijkl"));
        // our writer, which escapes the unpaired surrogate (Jackson's text would hold it raw, not UTF-8-encodable)
        assertEquals(expected, read(written(expected)));
    }

    @Test
    void randomRepeatsReadBackAsJacksonReadsThem() throws Exception {
        Random random = new Random(5);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int length = 12 + random.nextInt(40);
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < length; k++) {
                // few letters, so that equal lengths with different bytes are common
                s.append(random.nextInt(10) == 0 ? '\u00e9' : (char) ('a' + random.nextInt(2)));
            }
            values.add(random.nextBoolean() && !values.isEmpty() ? values.get(random.nextInt(values.size())) : s.toString());
        }
        String json = MAPPER.writeValueAsString(values);
        List<String> read = read(json);
        assertEquals(values, read);
        assertArrayEquals(MAPPER.readValue(json, String[].class), read.toArray());
    }

    @Test
    void aFieldsValueThatOnlyStartsLikeItsLastOneIsReadForItself() throws Exception {
        String name = "BenchDebuggee.deep(int)";
        List<String> names = List.of(name, name, name + "x", name, name.substring(0, name.length() - 1), name,
                "Bench\\u0044ebuggee.deep(int)", name, "BenchDebuggee.deep(in\\\"", name, "\u00e9" + name.substring(1),
                name.substring(0, 11), name);
        StringBuilder json = new StringBuilder("{\"stackFrames\":[");
        for (int i = 0; i < names.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"").append(names.get(i))
                    .append("\",\"line\":1,\"column\":1}");
        }
        byte[] utf8 = json.append("]}").toString().getBytes(UTF_8);
        Lsp4jCodecs codecs = new Lsp4jCodecs(MAPPER);
        StackTraceResponse read = (StackTraceResponse) codecs.read(StackTraceResponse.class, utf8, 0, utf8.length);
        StackTraceResponse expected = MAPPER.readValue(utf8, StackTraceResponse.class);
        assertEquals(expected, read);
        assertEquals("BenchDebuggee.deep(in\"", read.getStackFrames()[8].getName());
        assertEquals(name, read.getStackFrames()[6].getName());
    }

    @Test
    void framesReadFromSharedSourcesAreSeparateBeansWithEqualValues() throws Exception {
        Lsp4jCodecs codecs = new Lsp4jCodecs(MAPPER);
        StackTraceResponse written = sharedFrames(source("BenchDebuggee.java", "/work/bench/BenchDebuggee.java"),
                source("Thread.java", null), 20);
        byte[] json = codecs.write(written);
        StackTraceResponse read = (StackTraceResponse) codecs.read(StackTraceResponse.class, json, 0, json.length);
        assertEquals(MAPPER.readValue(json, StackTraceResponse.class), read);
        assertNotSame(read.getStackFrames()[0].getSource(), read.getStackFrames()[1].getSource());
        assertSame(read.getStackFrames()[0].getSource().getPath(), read.getStackFrames()[1].getSource().getPath());
    }
}
