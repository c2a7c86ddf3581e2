package dev.dapkit.testkit.target;

import dev.dapkit.model.RawJson;
import dev.dapkit.testkit.fake.FakeProgram;
import dev.dapkit.testkit.fake.FakeProgramException;
import dev.dapkit.testkit.fake.FakeSources;
import dev.dapkit.testkit.target.ConformanceProgram.Lines;
import dev.dapkit.testkit.target.ConformanceProgram.LoopingProgram;
import dev.dapkit.testkit.target.ConformanceProgram.RaisingProgram;
import dev.dapkit.testkit.target.ConformanceProgram.StructuredLocal;
import dev.dapkit.testkit.target.ConformanceProgram.ThreadsProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conformance suite's programs in the fake target's toy language (see
 * {@link dev.dapkit.testkit.fake}), and their {@link ConformanceProgram} description. The programs
 * live on the "device" under {@value #REMOTE_ROOT}; the client keeps its copies in a folder of its
 * own, and every launch carries the program texts (the fake launch's {@code "sources"}) and the
 * {@code pathMappings} between the two, as a remote debugging session would.
 *
 * <p>Stateless and thread-safe.
 */
public final class FakeConformancePrograms {

    /** The folder of the programs as the debuggee sees it. */
    public static final String REMOTE_ROOT = "/remote/app";

    /** The canonical program; the landmarks are in {@link #LINES}. */
    public static final String CANONICAL = String.join("\n",
            "def add(a, b):",                   // 1 ADD_DEF
            "    s = a + b",                    // 2 ADD_BODY
            "    return s",                     // 3 ADD_RETURN
            "def main():",                      // 4
            "    total = 0",                    // 5
            "    items = [10, 20, 30]",         // 6 the structured local
            "    for i in range(5):",           // 7 LOOP
            "        total = add(total, i)",    // 8 CALL
            "    print(\"total\", total)",      // 9 PRINT
            "main()",                           // 10
            "");

    /** The canonical program's landmarks. */
    public static final Lines LINES = new Lines(1, 2, 3, 7, 8, 9);

    /** Counts for far longer than any test runs; line 4 runs on every pass. */
    public static final String LOOPING = String.join("\n",
            "count = 0",
            "for i in range(100000):",
            "    for j in range(100000):",
            "        count = count + 1",
            "");

    /** Its main thread starts a worker and loops while the worker runs line 4. */
    public static final String THREADS = String.join("\n",
            "def worker(n):",
            "    done = 0",
            "    for k in range(n):",
            "        done = done + k",
            "    return done",
            "spawn worker(3)",
            "for k in range(1000):",
            "    pass",
            "");

    /** Dies of an error raised on line 2 that nothing catches. */
    public static final String RAISING = String.join("\n",
            "def fail(x):",
            "    raise \"boom \" + str(x)",
            "fail(1)",
            "");

    private static final Map<String, String> FILES = files();

    private FakeConformancePrograms() {
    }

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("main.fake", CANONICAL);
        files.put("looping.fake", LOOPING);
        files.put("threads.fake", THREADS);
        files.put("raising.fake", RAISING);
        return Map.copyOf(files);
    }

    /** The programs' texts by their paths on the "device", e.g. {@code /remote/app/main.fake}. */
    public static Map<String, String> remoteFiles() {
        Map<String, String> remote = new LinkedHashMap<>();
        FILES.forEach((name, text) -> remote.put(REMOTE_ROOT + "/" + name, text));
        return remote;
    }

    /** Writes the client's copies of the programs into {@code clientRoot}, as an editor would have them. */
    public static void writeClientCopies(Path clientRoot) throws IOException {
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            Files.writeString(clientRoot.resolve(file.getKey()), file.getValue());
        }
    }

    /** The description of the programs for a client whose copies are in {@code clientRoot}. */
    public static ConformanceProgram program(Path clientRoot) {
        return ConformanceProgram.canonical(clientPath(clientRoot, "main.fake"), launch(clientRoot, "main.fake"), LINES)
                .withStructuredLocal(new StructuredLocal("items", List.of("10", "20", "30")))
                .withLooping(new LoopingProgram(clientPath(clientRoot, "looping.fake"), launch(clientRoot, "looping.fake"),
                        4, "count"))
                .withThreads(new ThreadsProgram(clientPath(clientRoot, "threads.fake"), launch(clientRoot, "threads.fake"),
                        4))
                .withRaising(new RaisingProgram(clientPath(clientRoot, "raising.fake"), launch(clientRoot, "raising.fake"),
                        2, "uncaught"));
    }

    /** The {@code attach} arguments for a client whose copies are in {@code clientRoot}. */
    public static RawJson attachArguments(Path clientRoot) {
        return RawJson.from(Map.of("pathMappings", pathMappings(clientRoot)));
    }

    /** Starts the looping program with no debugger, for a server to attach to. */
    public static FakeProgram startLooping() throws FakeProgramException {
        return FakeProgram.load(FakeSources.of(remoteFiles()), REMOTE_ROOT + "/looping.fake").start();
    }

    private static RawJson launch(Path clientRoot, String file) {
        return RawJson.from(Map.of("program", REMOTE_ROOT + "/" + file, "sources", remoteFiles(),
                "pathMappings", pathMappings(clientRoot)));
    }

    private static List<Map<String, String>> pathMappings(Path clientRoot) {
        return List.of(Map.of("localRoot", clientRoot.toString(), "remoteRoot", REMOTE_ROOT));
    }

    private static String clientPath(Path clientRoot, String file) {
        return clientRoot.resolve(file).toString();
    }
}
