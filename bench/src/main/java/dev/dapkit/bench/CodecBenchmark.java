package dev.dapkit.bench;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.ProtocolException;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.framing.FrameDecoder;
import dev.dapkit.model.framing.FrameEncoder;
import dev.dapkit.model.framing.FramingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.debug.json.DebugMessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugResponseMessage;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One response message encoded to a frame and decoded back to a typed body, by dapkit's codec and
 * by LSP4J's {@link DebugMessageJsonHandler} doing what its stream producer and consumer do
 * (serialize to a String, UTF-8 bytes behind a Content-Length header; and back).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CodecBenchmark {

    @Param({"THREADS", "STACK_TRACE", "JVM_STACK_TRACE", "VARIABLES"})
    public SampleBodies message;

    private Object body;
    private Request request;
    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameDecoder decoder = new FrameDecoder();
    /** Told the body's type, as dapkit's client tells its connection: the body is bound while the envelope is read. */
    private final FrameDecoder expectingDecoder = new FrameDecoder();
    private byte[] dapkitFrame;

    private DebugMessageJsonHandler lsp4j;
    private DebugResponseMessage lsp4jMessage;
    private byte[] lsp4jFrame;

    @Setup(Level.Trial)
    public void setUp() throws FramingException {
        body = message.body();
        Class<?> bodyType = body.getClass();
        expectingDecoder.expectBodies((requestSeq, command) -> bodyType);
        request = new Request(41, message.command(), null, Map.of());
        ByteBuffer frame = encoder.encode(Response.success(request, body).withSeq(42));
        dapkitFrame = new byte[frame.remaining()];
        frame.get(dapkitFrame);

        lsp4j = new DebugMessageJsonHandler(ServiceEndpoints.getSupportedMethods(IDebugProtocolServer.class));
        lsp4j.setMethodProvider(id -> message.command());
        lsp4jMessage = new DebugResponseMessage();
        lsp4jMessage.setId(42);
        lsp4jMessage.setResponseId(41);
        lsp4jMessage.setMethod(message.command());
        lsp4jMessage.setResult(body);
        lsp4jFrame = lsp4jEncode();
    }

    @Benchmark
    public ByteBuffer dapkitEncode() throws FramingException {
        return encoder.encode(Response.success(request, body).withSeq(42));
    }

    @Benchmark
    public Object dapkitDecode() throws ProtocolException {
        DapMessage[] out = new DapMessage[1];
        decoder.feed(dapkitFrame, 0, dapkitFrame.length, m -> out[0] = m);
        return ((Response) out[0]).body(body.getClass());
    }

    /** As {@link #dapkitDecode}, with the body's type known to the decoder: one parse instead of a skip and a parse. */
    @Benchmark
    public Object dapkitDecodeExpected() throws ProtocolException {
        DapMessage[] out = new DapMessage[1];
        expectingDecoder.feed(dapkitFrame, 0, dapkitFrame.length, m -> out[0] = m);
        return ((Response) out[0]).body(body.getClass());
    }

    @Benchmark
    public byte[] lsp4jEncode() {
        byte[] content = lsp4j.serialize(lsp4jMessage).getBytes(StandardCharsets.UTF_8);
        byte[] header = ("Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[header.length + content.length];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(content, 0, frame, header.length, content.length);
        return frame;
    }

    @Benchmark
    public Object lsp4jDecode() {
        int bodyStart = headerEnd(lsp4jFrame);
        String content = new String(lsp4jFrame, bodyStart, lsp4jFrame.length - bodyStart, StandardCharsets.UTF_8);
        Message parsed = lsp4j.parseMessage(content);
        return ((ResponseMessage) parsed).getResult();
    }

    /** What LSP4J's stream producer does before it hands the content to the handler. */
    private static int headerEnd(byte[] frame) {
        for (int i = 3; i < frame.length; i++) {
            if (frame[i] == '\n' && frame[i - 1] == '\r' && frame[i - 2] == '\n' && frame[i - 3] == '\r') {
                return i + 1;
            }
        }
        throw new IllegalStateException("no end of header");
    }
}
