package dev.dapkit.model.framing;

import dev.dapkit.model.DapJson;
import dev.dapkit.model.DapMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Encodes messages as Content-Length frames. Thread-safe. */
public final class FrameEncoder {

    private final FrameLimits limits;

    public FrameEncoder() {
        this(FrameLimits.defaults());
    }

    public FrameEncoder(FrameLimits limits) {
        this.limits = limits;
    }

    /** A heap buffer holding the whole frame between its position and limit. */
    public ByteBuffer encode(DapMessage message) throws FramingException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            DapJson.standard().writeMessage(message, body);
        } catch (IOException e) {
            throw new FramingException("cannot write message: " + e.getMessage(), 0);
        }
        if (body.size() > limits.maxBodyBytes()) {
            throw new FramingException("message body of " + body.size() + " bytes exceeds the limit of "
                    + limits.maxBodyBytes() + " bytes", 0);
        }
        byte[] header = ("Content-Length: " + body.size() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer frame = ByteBuffer.allocate(header.length + body.size());
        frame.put(header).put(body.toByteArray()).flip();
        return frame;
    }
}
