package dev.dapkit.bench;

import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackFramePresentationHint;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesResponse;

/** The response bodies the codec benchmark moves: small, large (twice: made up, and as the JVM target builds it) and huge. */
public enum SampleBodies {
    /** A {@code threads} response with 8 threads. */
    THREADS("threads") {
        @Override
        Object body() {
            ThreadsResponse response = new ThreadsResponse();
            Thread[] threads = new Thread[8];
            for (int i = 0; i < threads.length; i++) {
                threads[i] = new Thread();
                threads[i].setId(i + 1);
                threads[i].setName(i == 0 ? "main" : "worker-" + i);
            }
            response.setThreads(threads);
            return response;
        }
    },
    /** A {@code stackTrace} response with 1000 frames, as a deep recursion shows. */
    STACK_TRACE("stackTrace") {
        @Override
        Object body() {
            StackTraceResponse response = new StackTraceResponse();
            StackFrame[] frames = new StackFrame[1000];
            for (int i = 0; i < frames.length; i++) {
                Source source = new Source();
                source.setName("Recursion.java");
                source.setPath("/home/dev/project/src/main/java/com/example/Recursion.java");
                StackFrame frame = new StackFrame();
                frame.setId(1000 + i);
                frame.setName("com.example.Recursion.descend(int)");
                frame.setSource(source);
                frame.setLine(40 + (i % 7));
                frame.setColumn(1);
                frames[i] = frame;
            }
            response.setStackFrames(frames);
            response.setTotalFrames(1000);
            return response;
        }
    },
    /**
     * A {@code stackTrace} response with 1000 frames as the JVM target builds it: one {@code Source}
     * per class and one name per method, shared by every frame that shows them, so 1000 frames
     * repeat three distinct strings; the bottom frames are a JDK class shown as subtle.
     */
    JVM_STACK_TRACE("stackTrace") {
        @Override
        Object body() {
            StackTraceResponse response = new StackTraceResponse();
            Source debuggee = new Source();
            debuggee.setName("BenchDebuggee.java");
            debuggee.setPath("/work/main/bench/src/main/java/dev/dapkit/bench/jvm/debuggee/BenchDebuggee.java");
            Source jdk = new Source();
            jdk.setName("Thread.java");
            String deep = "BenchDebuggee.deep(int)";
            String main = "BenchDebuggee.main(String[])";
            String run = "Thread.run()";
            StackFrame[] frames = new StackFrame[1000];
            for (int i = 0; i < frames.length; i++) {
                StackFrame frame = new StackFrame();
                frame.setId(1 + i);
                boolean bottom = i == frames.length - 1;
                frame.setName(bottom ? run : i == frames.length - 2 ? main : deep);
                frame.setSource(bottom ? jdk : debuggee);
                frame.setLine(bottom ? 0 : 66);
                frame.setColumn(bottom ? 0 : 1);
                if (bottom) {
                    frame.setPresentationHint(StackFramePresentationHint.SUBTLE);
                }
                frames[i] = frame;
            }
            response.setStackFrames(frames);
            response.setTotalFrames(frames.length);
            return response;
        }
    },
    /** A {@code variables} response with 10,000 entries, as a big array page shows. */
    VARIABLES("variables") {
        @Override
        Object body() {
            VariablesResponse response = new VariablesResponse();
            Variable[] variables = new Variable[10_000];
            for (int i = 0; i < variables.length; i++) {
                Variable v = new Variable();
                v.setName("[" + i + "]");
                v.setValue("Point{x=" + i + ", y=" + (i * 3) + "}");
                v.setType("com.example.Point");
                v.setEvaluateName("points[" + i + "]");
                v.setVariablesReference(i % 3 == 0 ? 0 : 20_000 + i);
                variables[i] = v;
            }
            response.setVariables(variables);
            return response;
        }
    };

    private final String command;

    SampleBodies(String command) {
        this.command = command;
    }

    String command() {
        return command;
    }

    abstract Object body();
}
