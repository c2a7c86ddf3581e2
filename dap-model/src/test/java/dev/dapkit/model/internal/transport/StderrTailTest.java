package dev.dapkit.model.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StderrTailTest {

    @Test
    void keepsEverythingUntilFull() {
        StderrTail tail = new StderrTail(8);
        append(tail, "abc");
        append(tail, "de");
        assertEquals("abcde", tail.text());
    }

    @Test
    void keepsTheLastBytesOnceItWraps() {
        StderrTail tail = new StderrTail(8);
        append(tail, "abcdef");
        append(tail, "ghij");
        assertEquals("cdefghij", tail.text());
        append(tail, "k");
        assertEquals("defghijk", tail.text());
    }

    @Test
    void anAppendLargerThanTheRingKeepsItsEnd() {
        StderrTail tail = new StderrTail(4);
        append(tail, "ab");
        append(tail, "0123456789");
        assertEquals("6789", tail.text());
    }

    @Test
    void exactlyFullIsNotCut() {
        StderrTail tail = new StderrTail(4);
        append(tail, "wxyz");
        assertEquals("wxyz", tail.text());
    }

    @Test
    void aCharacterCutAtTheStartIsDropped() {
        // é is 2 bytes and ✓ is 3: a tail of 4 starts with the last two bytes of ✓, one of 6 with the last byte of é.
        assertEquals("ok", tailOf("é✓ok", 4));
        assertEquals("✓ok", tailOf("é✓ok", 5));
        assertEquals("✓ok", tailOf("é✓ok", 6));
    }

    private static String tailOf(String text, int capacity) {
        StderrTail tail = new StderrTail(capacity);
        append(tail, text);
        return tail.text();
    }

    private static void append(StderrTail tail, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        tail.append(bytes, 0, bytes.length);
    }
}
