package dev.dapkit.target.micropython;

import dev.dapkit.model.RawJson;
import dev.dapkit.testkit.target.ConformanceProgram;
import dev.dapkit.testkit.target.ConformanceProgram.Lines;
import dev.dapkit.testkit.target.ConformanceProgram.LoopingProgram;
import dev.dapkit.testkit.target.ConformanceProgram.RaisingProgram;
import dev.dapkit.testkit.target.ConformanceProgram.StructuredLocal;
import dev.dapkit.testkit.target.ConformanceProgram.ThreadsProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conformance suite's programs in Python, written twice: the "device" copy that the
 * interpreter runs (under {@code device/}) and the client's copy (under {@code workspace/}), with
 * {@code pathMappings} between the two, as a session with a board has them.
 *
 * <p>Two flavours of the canonical program: with its loop in {@code main()}, as the suite describes
 * it, for interpreters whose frames have {@code f_locals} (CPython); and with the loop at the
 * module's top level for stock MicroPython, which has no {@code f_locals}, so that {@code total},
 * {@code i} and {@code items} are globals the debugger can read and set. The MicroPython flavour
 * loops over a list, not {@code range(5)}: MicroPython compiles {@code for i in range(...)} into a
 * counter loop whose first jump is attributed to the body's last line, so the body's line gets one
 * extra {@code line} event before the first pass (a firmware quirk, reported to the agent).
 *
 * <p>Not thread-safe: the test thread uses it.
 */
final class PythonPrograms {

    static final String CANONICAL_IN_MAIN = String.join("\n",
            "def add(a, b):",                   // 1 ADD_DEF
            "    s = a + b",                    // 2 ADD_BODY
            "    return s",                     // 3 ADD_RETURN
            "def main():",                      // 4
            "    total = 0",                    // 5
            "    items = [10, 20, 30]",         // 6
            "    for i in range(5):",           // 7 LOOP
            "        total = add(total, i)",    // 8 CALL
            "    print(\"total\", total)",      // 9 PRINT
            "main()",                           // 10
            "");
    static final Lines LINES_IN_MAIN = new Lines(1, 2, 3, 7, 8, 9);

    static final String CANONICAL_AT_TOP = String.join("\n",
            "def add(a, b):",                   // 1 ADD_DEF
            "    s = a + b",                    // 2 ADD_BODY
            "    return s",                     // 3 ADD_RETURN
            "total = 0",                        // 4
            "items = [10, 20, 30]",             // 5
            "for i in [0, 1, 2, 3, 4]:",        // 6 LOOP
            "    total = add(total, i)",        // 7 CALL
            "print(\"total\", total)",          // 8 PRINT
            "");
    static final Lines LINES_AT_TOP = new Lines(1, 2, 3, 6, 7, 8);

    /**
     * Counts for ever; line 4 runs on every pass, in a function called on every pass: the agent
     * checks its link from trace events (a loop that calls nothing in an untraced frame gives none),
     * and on MicroPython a frame that was running before a breakpoint was set in its file is never
     * traced, so a breakpoint set while the program runs is hit in the next call of {@code step}.
     */
    static final String LOOPING = String.join("\n",
            "count = 0",
            "def step():",
            "    global count",
            "    count += 1",
            "    return count",
            "while True:",
            "    step()",
            "");
    static final int LOOPING_LINE = 4;

    /**
     * Its main thread starts a worker and waits while the worker runs line 6. The worker asks to
     * be debugged (debugpy's {@code debug_this_thread()}), so the frames it enters afterwards are traced.
     */
    static final String THREADS = String.join("\n",
            "import _thread",
            "import dapkit_agent",
            "done = []",
            "def work(n):",
            "    acc = 0",
            "    for k in [0, 1, 2][:n]:",
            "        acc += k",
            "    return acc",
            "def worker(n):",
            "    dapkit_agent.debug_this_thread()",
            "    done.append(work(n))",
            "_thread.start_new_thread(worker, (3,))",
            "while not done:",
            "    pass",
            "");
    static final int THREADS_WORKER_LINE = 7;

    /** Dies of a ValueError raised on line 2. */
    static final String RAISING = String.join("\n",
            "def fail(x):",
            "    raise ValueError(\"boom %d\" % x)",
            "fail(1)",
            "");

    final Path device;
    final Path workspace;
    private final String python;
    private final boolean locals;

    /**
     * @param root a fresh folder
     * @param python the interpreter
     * @param locals whether its frames have {@code f_locals}
     */
    PythonPrograms(Path root, String python, boolean locals) {
        this.device = root.resolve("device");
        this.workspace = root.resolve("workspace");
        this.python = python;
        this.locals = locals;
        Map<String, String> files = new LinkedHashMap<>();
        files.put("main.py", locals ? CANONICAL_IN_MAIN : CANONICAL_AT_TOP);
        files.put("looping.py", LOOPING);
        files.put("threads.py", THREADS);
        files.put("raising.py", RAISING);
        try {
            Files.createDirectories(device);
            Files.createDirectories(workspace);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(device.resolve(file.getKey()), file.getValue());
                Files.writeString(workspace.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ConformanceProgram program() {
        return ConformanceProgram.canonical(client("main.py"), launch("main.py"), locals ? LINES_IN_MAIN : LINES_AT_TOP)
                .withStructuredLocal(new StructuredLocal("items", List.of("10", "20", "30")))
                .withLooping(new LoopingProgram(client("looping.py"), launch("looping.py"), LOOPING_LINE, "count"))
                .withThreads(new ThreadsProgram(client("threads.py"), launch("threads.py"), THREADS_WORKER_LINE))
                .withRaising(new RaisingProgram(client("raising.py"), launch("raising.py"), 2, "uncaught"));
    }

    /** The launch arguments that run one of the programs. */
    RawJson launch(String file) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("program", device.resolve(file).toString());
        arguments.put("python", python);
        arguments.put("cwd", device.toString());
        arguments.put("pathMappings", pathMappings());
        return RawJson.from(arguments);
    }

    List<Map<String, String>> pathMappings() {
        return List.of(Map.of("localRoot", workspace.toString(), "remoteRoot", device.toString()));
    }

    String client(String file) {
        return workspace.resolve(file).toString();
    }

    String python() {
        return python;
    }
}
