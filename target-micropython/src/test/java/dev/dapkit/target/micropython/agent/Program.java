package dev.dapkit.target.micropython.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test program copied from the test resources into a folder, with its lines found by the
 * {@code # @marker} comments they carry (so the tests do not hard-code line numbers).
 */
final class Program {

    private static final String PROGRAMS = "/dev/dapkit/target/micropython/agent/programs/";
    private static final String AGENT_FOLDER = "/dev/dapkit/target/micropython/agent/";
    private static final List<String> AGENT_FILES = List.of("dapkit_agent.py", "dapkit_agent_cpython.py");

    private final Path path;
    private final Map<String, Integer> markers;

    private Program(Path path, Map<String, Integer> markers) {
        this.path = path;
        this.markers = markers;
    }

    /** Copies the named program (and the given companion files) into {@code dir}. */
    static Program copy(Path dir, String name, String... companions) {
        for (String companion : companions) {
            copyResource(PROGRAMS + companion, dir.resolve(companion));
        }
        Path target = dir.resolve(name);
        copyResource(PROGRAMS + name, target);
        return load(target);
    }

    /** The agent's modules as the host ships them, copied into {@code dir}. */
    static Path copyAgent(Path dir) {
        for (String file : AGENT_FILES) {
            copyResource(AGENT_FOLDER + file, dir.resolve(file));
        }
        return dir;
    }

    static Program load(Path path) {
        try {
            List<String> lines = Files.readAllLines(path);
            Map<String, Integer> markers = new HashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                int at = lines.get(i).indexOf("# @");
                if (at >= 0) {
                    markers.put(lines.get(i).substring(at + 3).trim(), i + 1);
                }
            }
            return new Program(path, markers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test program " + path, e);
        }
    }

    Path path() {
        return path;
    }

    /** The device path of this program as the agent sees it (the runner uses the path it is given). */
    String file() {
        return path.toString();
    }

    int line(String marker) {
        Integer line = markers.get(marker);
        if (line == null) {
            throw new IllegalArgumentException("no line marked @" + marker + " in " + path);
        }
        return line;
    }

    private static void copyResource(String resource, Path target) {
        try (InputStream in = Program.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource + " to " + target, e);
        }
    }
}
