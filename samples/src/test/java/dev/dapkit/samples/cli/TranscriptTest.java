package dev.dapkit.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    @Test
    void arrowsOnAUnicodeConsoleAndAsciiOtherwise() {
        StringWriter unicode = new StringWriter();
        Transcript utf8 = new Transcript(new PrintWriter(unicode), StandardCharsets.UTF_8);
        utf8.request("next");
        utf8.received("stopped");
        StringWriter ascii = new StringWriter();
        Transcript plain = new Transcript(new PrintWriter(ascii), StandardCharsets.US_ASCII);
        plain.request("next");
        plain.received("stopped");

        assertEquals(List.of("→ next", "← stopped"), unicode.toString().lines().toList());
        assertEquals(List.of("-> next", "<- stopped"), ascii.toString().lines().toList());
    }

    @Test
    void tableColumnsAreAsWideAsTheirWidestCell() {
        StringWriter text = new StringWriter();
        new Transcript(new PrintWriter(text), StandardCharsets.UTF_8).table(List.of(
                List.of("name", "value", "type"),
                List.of("total", "0", "int"),
                List.of("i", "12345678", "int")));

        assertEquals(List.of(
                "    name   value     type",
                "    total  0         int",
                "    i      12345678  int"), text.toString().lines().toList());
    }
}
