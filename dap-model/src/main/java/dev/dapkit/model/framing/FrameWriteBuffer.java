package dev.dapkit.model.framing;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * The growable array a frame is written into: room for the header is kept free at the front so
 * the body, written once, never moves to make room for it. Unsynchronized, unlike
 * {@code ByteArrayOutputStream}: one buffer per frame, one thread.
 */
final class FrameWriteBuffer extends OutputStream {

    private final int headerRoom;
    private final int maxBodyBytes;
    private final String what;
    private byte[] array;
    private int size;

    /**
     * @param headerRoom bytes kept free at the front
     * @param bodyCapacityHint the expected body size; the array grows past it as needed
     * @param maxBodyBytes writing past this many body bytes fails at once
     * @param what names the message in the error
     */
    FrameWriteBuffer(int headerRoom, int bodyCapacityHint, int maxBodyBytes, String what) {
        this.headerRoom = headerRoom;
        this.maxBodyBytes = maxBodyBytes;
        this.what = what;
        this.array = new byte[headerRoom + Math.max(16, Math.min(bodyCapacityHint, maxBodyBytes))];
        this.size = headerRoom;
    }

    @Override
    public void write(int b) throws FramingException {
        ensureRoom(1);
        array[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws FramingException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureRoom(len);
        System.arraycopy(b, off, array, size, len);
        size += len;
    }

    /** The body bytes written so far. */
    int bodyLength() {
        return size - headerRoom;
    }

    /** The array: header room, then {@link #bodyLength()} body bytes. */
    byte[] array() {
        return array;
    }

    private void ensureRoom(int n) throws FramingException {
        long needed = (long) size + n;
        if (needed - headerRoom > maxBodyBytes) {
            throw new FramingException(what + " is larger than the maximum body size of " + maxBodyBytes
                    + " bytes", -1);
        }
        if (needed > array.length) {
            long grown = Math.max(needed, 2L * array.length);
            array = Arrays.copyOf(array, (int) Math.min(grown, (long) headerRoom + maxBodyBytes));
        }
    }
}
