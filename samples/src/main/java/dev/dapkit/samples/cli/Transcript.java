package dev.dapkit.samples.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The readable record of a debug session that {@code dapkit demo} prints: requests sent
 * ({@code → setBreakpoints Inventory.java:47}), what came back ({@code ← stopped: ...}), and
 * indented details and tables. Arrows fall back to ASCII when the console cannot show them.
 *
 * <p>Thread-safe: event handlers on the client's thread and the script's thread share it, and each
 * line is written whole.
 */
final class Transcript {

    private final PrintWriter out;
    private final String sent;
    private final String received;

    Transcript(PrintWriter out, Charset consoleCharset) {
        this.out = out;
        boolean arrows = consoleCharset.newEncoder().canEncode("→←");
        this.sent = arrows ? "→ " : "-> ";
        this.received = arrows ? "← " : "<- ";
    }

    /** A line of its own, e.g. the heading. */
    synchronized void note(String text) {
        out.println(text);
        out.flush();
    }

    /** A request the client sends. */
    synchronized void request(String text) {
        out.println(sent + text);
        out.flush();
    }

    /** A response or event the client received. */
    synchronized void received(String text) {
        out.println(received + text);
        out.flush();
    }

    /** A detail under the previous line. */
    synchronized void detail(String text) {
        out.println("    " + text);
        out.flush();
    }

    /** Rows under the previous line, each column as wide as its widest cell. */
    synchronized void table(List<List<String>> rows) {
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                if (widths.size() <= c) {
                    widths.add(0);
                }
                widths.set(c, Math.max(widths.get(c), row.get(c).length()));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("    ");
            for (int c = 0; c < row.size(); c++) {
                boolean last = c == row.size() - 1;
                line.append(last ? row.get(c) : pad(row.get(c), widths.get(c) + 2));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
