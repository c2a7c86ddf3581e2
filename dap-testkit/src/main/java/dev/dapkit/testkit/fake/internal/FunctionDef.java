package dev.dapkit.testkit.fake.internal;

import java.util.List;

/**
 * A function of the program, defined with {@code def} at the top level of a file.
 *
 * @param name its name, global to the program
 * @param parameters its parameters' names
 * @param body its statements (never empty)
 * @param path the target path of its file
 * @param line the line of its {@code def}
 */
public record FunctionDef(String name, List<String> parameters, List<Stmt> body, String path, int line) {

    /** The line of its first statement, where a function breakpoint stops. */
    public int firstLine() {
        return body.get(0).at().line();
    }

    @Override
    public String toString() {
        return "<function " + name + "(" + String.join(", ", parameters) + ")>";
    }
}
