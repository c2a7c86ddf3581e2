package dev.dapkit.model.framing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one frame's header block a byte at a time and returns the announced body length when the
 * blank line that ends the block arrives. Every byte is checked as it comes, so garbage fails at
 * once instead of when a line or the size cap is reached. Not thread-safe; reusable frame after
 * frame.
 */
final class HeaderBlockParser {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final FrameLimits limits;
    private final int maxLengthDigits;
    private final byte[] block;
    /** Bytes of the current block in {@link #block}. */
    private int size;
    /** Index in {@link #block} where the current line starts. */
    private int lineStart;
    /** 1-based number of the current line. */
    private int lineNumber;
    /** Stream offset of the block's first byte. */
    private long blockOffset;
    private long contentLength;
    private int contentLengthLine;

    HeaderBlockParser(FrameLimits limits) {
        this.limits = limits;
        this.maxLengthDigits = Integer.toString(limits.maxBodyBytes()).length();
        this.block = new byte[limits.maxHeaderBytes()];
        reset();
    }

    /** Whether part of a header block has arrived. */
    boolean isMidBlock() {
        return size > 0;
    }

    /** Stream offset of the current block's first byte; meaningful while {@link #isMidBlock()}. */
    long blockOffset() {
        return blockOffset;
    }

    /**
     * Takes the next header byte, found at {@code at} in the stream.
     *
     * @return the body length when this byte ends the header block, else -1
     */
    long accept(byte b, long at) throws FramingException {
        if (size == 0) {
            blockOffset = at;
        }
        if (size == block.length) {
            throw new FramingException("header block exceeds " + block.length + " bytes at stream offset " + at
                    + " (frame at stream offset " + blockOffset + ", header line " + lineNumber + " starts '"
                    + preview(lineStart, size) + "')", at);
        }
        boolean afterCr = size > lineStart && block[size - 1] == CR;
        if (afterCr && b != LF) {
            throw new FramingException("header line " + lineNumber + " has a CR not followed by LF at stream offset "
                    + (at - 1) + " (header lines end with CRLF)", at - 1);
        }
        if (b == LF) {
            if (!afterCr) {
                throw new FramingException("header line " + lineNumber + " ends with a bare LF at stream offset "
                        + at + " (header lines end with CRLF)", at);
            }
            block[size++] = b;
            return endOfLine();
        }
        checkByte(b, at);
        block[size++] = b;
        return -1;
    }

    private void checkByte(byte b, long at) throws FramingException {
        if (b < 0) {
            if (size == 0) {
                throw new FramingException(String.format("garbage at stream offset %d: byte 0x%02X is not ASCII, "
                        + "and a DAP frame starts with the header 'Content-Length'", at, b & 0xFF), at);
            }
            throw new FramingException(String.format("non-ASCII byte 0x%02X in header line %d at stream offset %d "
                    + "(header bytes must be ASCII)", b & 0xFF, lineNumber, at), at);
        }
        if (b == '{' && size == lineStart) {
            if (lineNumber == 1) {
                throw new FramingException("frame at stream offset " + at + " starts with '{': JSON without the "
                        + "'Content-Length' header that must come before it", at);
            }
            throw new FramingException("header line " + lineNumber + " at stream offset " + at + " starts with '{': "
                    + "the blank line that ends the header block is missing (after '"
                    + preview(lastLineStart(), lineStart - 2) + "')", at);
        }
        if ((b < 0x20 && b != '\t' && b != CR) || b == 0x7F) {
            throw new FramingException(String.format("control byte 0x%02X in header line %d at stream offset %d",
                    b, lineNumber, at), at);
        }
    }

    private long endOfLine() throws FramingException {
        int lineEnd = size - 2;
        long lineOffset = blockOffset + lineStart;
        if (lineEnd == lineStart) {
            if (contentLength < 0) {
                throw new FramingException((lineNumber == 1 ? "empty header block" : "header block")
                        + " at stream offset " + blockOffset + " ends without a 'Content-Length' header "
                        + "(blank line " + lineNumber + " at stream offset " + lineOffset + ")", lineOffset);
            }
            long length = contentLength;
            reset();
            return length;
        }
        parseLine(lineStart, lineEnd, lineOffset);
        lineNumber++;
        lineStart = size;
        return -1;
    }

    private void parseLine(int from, int to, long lineOffset) throws FramingException {
        String line = new String(block, from, to - from, StandardCharsets.US_ASCII);
        int colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line, colon)) {
            throw notAHeader(line, lineOffset);
        }
        String name = line.substring(0, colon);
        String value = line.substring(colon + 1).strip();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "content-length":
                if (contentLength >= 0) {
                    throw new FramingException("duplicate 'Content-Length' header in header line " + lineNumber
                            + " at stream offset " + lineOffset + " (the first is header line " + contentLengthLine
                            + ")", lineOffset);
                }
                contentLength = parseContentLength(value, lineOffset);
                contentLengthLine = lineNumber;
                return;
            case "content-type":
                checkContentType(value, lineOffset);
                return;
            case "host":
            case "origin":
                throw new FramingException("header '" + name + "' in header line " + lineNumber + " at stream offset "
                        + lineOffset + " is an HTTP header: a browser or a DNS-rebinding page may be talking to "
                        + "this port; DAP frames have only Content-Length and Content-Type", lineOffset);
            default:
                throw new FramingException("unknown header '" + preview(name) + "' in header line " + lineNumber
                        + " at stream offset " + lineOffset + ": DAP frames have only Content-Length and "
                        + "Content-Type", lineOffset);
        }
    }

    private FramingException notAHeader(String line, long lineOffset) {
        String where = " (header line " + lineNumber + ", stream offset " + lineOffset + ")";
        if (looksLikeHttpRequestLine(line)) {
            return new FramingException("looks like an HTTP request ('" + preview(line) + "'): DAP frames start "
                    + "with Content-Length" + where, lineOffset);
        }
        if (line.startsWith("HTTP/")) {
            return new FramingException("looks like an HTTP response ('" + preview(line) + "'): DAP frames start "
                    + "with Content-Length" + where, lineOffset);
        }
        return new FramingException("header line '" + preview(line) + "' is not 'Name: value'" + where,
                lineOffset);
    }

    private long parseContentLength(String value, long lineOffset) throws FramingException {
        String where = " (header line " + lineNumber + ", stream offset " + lineOffset + ")";
        if (value.isEmpty()) {
            throw new FramingException("Content-Length is empty" + where, lineOffset);
        }
        char first = value.charAt(0);
        if (first == '-' && value.length() > 1 && allDigits(value, 1)) {
            throw new FramingException("Content-Length " + preview(value) + " is negative" + where, lineOffset);
        }
        if (first == '+' || first == '-') {
            throw new FramingException("Content-Length '" + preview(value) + "' has a sign: only the digits 0-9 "
                    + "are allowed" + where, lineOffset);
        }
        if (!allDigits(value, 0)) {
            throw new FramingException("Content-Length '" + preview(value) + "' is not a decimal number (only the "
                    + "digits 0-9 are allowed)" + where, lineOffset);
        }
        int significant = value.length();
        for (int i = 0; i < value.length() - 1 && value.charAt(i) == '0'; i++) {
            significant--;
        }
        String tooLarge = " exceeds the maximum body size of " + limits.maxBodyBytes() + " bytes" + where;
        // count digits before converting, so a 20-digit length is never parsed or trusted
        if (significant > maxLengthDigits) {
            throw new FramingException("Content-Length " + preview(value) + " (" + significant + " digits)"
                    + tooLarge, lineOffset);
        }
        long length = Long.parseLong(value);
        if (length > limits.maxBodyBytes()) {
            throw new FramingException("Content-Length " + preview(value) + tooLarge, lineOffset);
        }
        return length;
    }

    private void checkContentType(String value, long lineOffset) throws FramingException {
        for (String parameter : value.split(";")) {
            int eq = parameter.indexOf('=');
            if (eq < 0 || !parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                continue;
            }
            String charset = parameter.substring(eq + 1).strip().replace("\"", "");
            if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                throw new FramingException("Content-Type charset '" + preview(charset) + "' is not supported: DAP "
                        + "bodies are UTF-8 (header line " + lineNumber + ", stream offset " + lineOffset + ")",
                        lineOffset);
            }
        }
    }

    /** Describes where a block that is cut off stopped, for an end-of-stream error. */
    String describePartialBlock() {
        return "inside the header block of the frame at stream offset " + blockOffset + ", after " + size
                + " header bytes (header line " + lineNumber + " starts '" + preview(lineStart, size) + "')";
    }

    private void reset() {
        size = 0;
        lineStart = 0;
        lineNumber = 1;
        contentLength = -1;
        contentLengthLine = 0;
    }

    private int lastLineStart() {
        int i = lineStart - 2;
        while (i > 0 && block[i - 1] != LF) {
            i--;
        }
        return i;
    }

    private static boolean looksLikeHttpRequestLine(String line) {
        String[] parts = line.split(" ");
        return parts.length == 3 && !parts[0].isEmpty() && parts[0].chars().allMatch(c -> c >= 'A' && c <= 'Z')
                && parts[2].startsWith("HTTP/");
    }

    private static boolean isToken(String line, int end) {
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private String preview(int from, int to) {
        return preview(new String(block, from, Math.max(0, to - from), StandardCharsets.US_ASCII)
                .replace("\r", "\\r").replace("\t", "\\t"));
    }

    private static String preview(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
