package dev.dapkit.bench;

import dev.dapkit.model.DapJson;
import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.framing.FrameDecoder;
import dev.dapkit.model.framing.FrameEncoder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.debug.json.DebugMessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugResponseMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;

/**
 * The codec benchmark's operations timed by the thread's CPU time rather than wall time, so that
 * other processes on a shared machine disturb it less: for each operation, the best of many rounds
 * of a batch, in microseconds per message. {@code toRaw} is {@code DapJson.writeValueAsBytes} of the
 * body, {@code encode} a whole frame from the typed body, {@code feed} a frame through
 * {@code FrameDecoder} to a message with a raw body, {@code bind} that body to its LSP4J type, and
 * {@code decode} both of the last two. Run with
 * {@code java -cp bench/target/benchmarks.jar dev.dapkit.bench.CpuTimeMain [rounds [passes]]}.
 */
public final class CpuTimeMain {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long WARM_UP_NANOS = 1_000_000_000L;
    private static final long BATCH_NANOS = 20_000_000L;
    private static Object sink;

    private CpuTimeMain() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        for (int pass = 1; pass <= passes; pass++) {
            System.out.println("pass " + pass + " of " + passes + (pass < passes ? " (warm-up, JIT still settling)" : ""));
            runPass(rounds);
        }
    }

    private static void runPass(int rounds) throws Exception {
        System.out.printf(Locale.ROOT, "%-12s %9s %9s %9s %9s %9s %9s %9s %9s %7s%n", "message", "toRaw", "encode",
                "feed", "bind", "decode", "lsp4j ser", "lsp4j par", "ours e+d", "ratio");
        for (SampleBodies message : SampleBodies.values()) {
            measure(message, rounds);
        }
    }

    private static void measure(SampleBodies message, int rounds) throws Exception {
        Object body = message.body();
        Request request = new Request(41, message.command(), null, Map.of());
        FrameEncoder encoder = new FrameEncoder();
        FrameDecoder decoder = new FrameDecoder();
        ByteBuffer encoded = encoder.encode(Response.success(request, body).withSeq(42));
        byte[] frame = new byte[encoded.remaining()];
        encoded.get(frame);
        Response decoded = decode(decoder, frame);

        DebugMessageJsonHandler lsp4j =
                new DebugMessageJsonHandler(ServiceEndpoints.getSupportedMethods(IDebugProtocolServer.class));
        lsp4j.setMethodProvider(id -> message.command());
        DebugResponseMessage lsp4jMessage = new DebugResponseMessage();
        lsp4jMessage.setId(42);
        lsp4jMessage.setResponseId(41);
        lsp4jMessage.setMethod(message.command());
        lsp4jMessage.setResult(body);
        String lsp4jText = lsp4j.serialize(lsp4jMessage);
        byte[] lsp4jContent = lsp4jText.getBytes(StandardCharsets.UTF_8);

        Op[] ops = {
            () -> sink = DapJson.standard().writeValueAsBytes(body),
            () -> sink = encoder.encode(Response.success(request, body).withSeq(42)),
            () -> sink = decode(decoder, frame),
            () -> sink = decoded.body(body.getClass()),
            () -> sink = decode(decoder, frame).body(body.getClass()),
            () -> sink = lsp4j.serialize(lsp4jMessage).getBytes(StandardCharsets.UTF_8),
            () -> sink = ((ResponseMessage) lsp4j.parseMessage(new String(lsp4jContent, StandardCharsets.UTF_8)))
                    .getResult(),
        };
        double[] t = best(rounds, ops);
        double ours = t[1] + t[4];
        System.out.printf(Locale.ROOT, "%-12s %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %6.2fx   (%d B)%n",
                message, t[0], t[1], t[2], t[3], t[4], t[5], t[6], ours, (t[5] + t[6]) / ours, frame.length);
    }

    private static Response decode(FrameDecoder decoder, byte[] frame) {
        DapMessage[] out = new DapMessage[1];
        try {
            decoder.feed(frame, 0, frame.length, m -> out[0] = m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return (Response) out[0];
    }

    private interface Op {
        void run() throws Exception;
    }

    /**
     * The lowest CPU time per call of each operation, in microseconds, over {@code rounds} batches of
     * calls that take about 20 ms each, after a second of warm-up each. The rounds go round the
     * operations in turn, so that whatever else the machine is doing disturbs them all alike.
     */
    private static double[] best(int rounds, Op[] ops) throws Exception {
        int[] batches = new int[ops.length];
        for (int i = 0; i < ops.length; i++) {
            long warmEnd = THREADS.getCurrentThreadCpuTime() + WARM_UP_NANOS;
            long calls = 0;
            while (THREADS.getCurrentThreadCpuTime() < warmEnd) {
                ops[i].run();
                calls++;
            }
            batches[i] = (int) Math.max(1, calls * BATCH_NANOS / WARM_UP_NANOS);
        }
        long[] best = new long[ops.length];
        Arrays.fill(best, Long.MAX_VALUE);
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < ops.length; i++) {
                long start = THREADS.getCurrentThreadCpuTime();
                for (int k = 0; k < batches[i]; k++) {
                    ops[i].run();
                }
                best[i] = Math.min(best[i], THREADS.getCurrentThreadCpuTime() - start);
            }
        }
        double[] micros = new double[ops.length];
        for (int i = 0; i < ops.length; i++) {
            micros[i] = best[i] / 1000.0 / batches[i];
        }
        return micros;
    }

}
