package dev.dapkit.testkit.fake.internal;

import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * One parsed file of a program. Immutable.
 *
 * @param path the file's path on the target, e.g. {@code /remote/app/main.fake}
 * @param text the source text
 * @param body the top-level statements, run when the file is the main file or imported
 * @param functions the functions it defines, by name
 * @param imports its {@code import} statements, wherever they are
 */
public record SourceFile(String path, String text, List<Stmt> body, Map<String, FunctionDef> functions,
        List<Stmt.Import> imports) {

    public SourceFile {
        body = List.copyOf(body);
        functions = Map.copyOf(functions);
        imports = List.copyOf(imports);
    }

    /** The file name without its folders. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The path of a module imported from this file: {@code name.fake} in the same folder. */
    public String siblingModule(String module) {
        return path.substring(0, path.lastIndexOf('/') + 1) + module + ".fake";
    }

    /**
     * The first line at or after {@code line} where the debuggee can stop (a line that starts a
     * statement; not a blank, comment, {@code def}, {@code else:} or {@code except:} line), or
     * null when there is none.
     */
    public Integer stopLineAtOrAfter(int line) {
        return stopLines().ceiling(line);
    }

    private NavigableSet<Integer> stopLines() {
        NavigableSet<Integer> lines = new TreeSet<>();
        collect(body, lines);
        functions.values().forEach(f -> collect(f.body(), lines));
        return lines;
    }

    private static void collect(List<Stmt> block, NavigableSet<Integer> lines) {
        for (Stmt s : block) {
            lines.add(s.at().line());
            if (s instanceof Stmt.If i) {
                collect(i.then(), lines);
                collect(i.otherwise(), lines);
            } else if (s instanceof Stmt.For f) {
                collect(f.body(), lines);
            } else if (s instanceof Stmt.Try t) {
                collect(t.body(), lines);
                collect(t.handler(), lines);
            }
        }
    }
}
