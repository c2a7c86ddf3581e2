package dev.dapkit.target.jvm.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line given as one string ({@code "-Xmx1g -Dname=\"a b\""}) into arguments:
 * blanks separate them, double or single quotes group blanks into one argument and are removed, a
 * backslash before a quote keeps the quote. Stateless.
 */
final class CommandLineSplitter {

    private CommandLineSplitter() {
    }

    static List<String> split(String line) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\'')) {
                current.append(line.charAt(++i));
                inArgument = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArgument = true;
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    parts.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (inArgument) {
            parts.add(current.toString());
        }
        return parts;
    }
}
