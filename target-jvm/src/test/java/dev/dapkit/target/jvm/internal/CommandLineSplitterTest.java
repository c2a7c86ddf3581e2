package dev.dapkit.target.jvm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineSplitterTest {

    @Test
    void blanksSeparateAndQuotesGroup() {
        assertEquals(List.of("-Xmx1g", "-Dname=a b", "it's", "x"),
                CommandLineSplitter.split("  -Xmx1g   -Dname=\"a b\" \"it's\"\tx "));
    }

    @Test
    void anEmptyQuotedArgumentIsKeptAndEscapedQuotesStay() {
        assertEquals(List.of("", "say \"hi\""), CommandLineSplitter.split("'' 'say \"hi\"'"));
        assertEquals(List.of("a\"b"), CommandLineSplitter.split("a\\\"b"));
    }

    @Test
    void nothingGivesNoArguments() {
        assertEquals(List.of(), CommandLineSplitter.split("   "));
    }
}
