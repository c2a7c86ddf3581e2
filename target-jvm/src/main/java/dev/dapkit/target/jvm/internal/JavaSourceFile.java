package dev.dapkit.target.jvm.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source file a client set breakpoints in, with what the target needs to find its classes (its
 * name, which is the classes' {@code SourceFile} attribute, and its package, read from the
 * {@code package} declaration) and to place breakpoints on lines that have no code (what each line
 * holds once comments are removed).
 *
 * @param path the file
 * @param fileName its name, e.g. {@code Main.java}
 * @param packageName its package, empty for the unnamed package
 * @param code the file's lines with comments blanked out
 */
record JavaSourceFile(Path path, String fileName, String packageName, List<String> code) {

    /** Larger files are read only this far (their package is at the top; their far lines are taken as code). */
    private static final int MAX_CHARS = 4 * 1024 * 1024;

    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*package\\s+([\\w.]+)\\s*;");
    private static final Pattern FILLER = Pattern.compile(
            "\\s*(?:[{}]\\s*)*(?:(?:else|try|finally|do)\\s*\\{?\\s*}?\\s*)?|\\s*@[\\w.]+(?:\\(.*\\))?\\s*");
    private static final Pattern DECLARED_METHOD = Pattern.compile("([\\w$]+)\\s*(?:<[^>]*>\\s*)?\\(");
    private static final Pattern CONTROL = Pattern.compile("^\\s*(?:}\\s*)?(?:if|for|while|switch|catch|synchronized"
            + "|else\\s+if|return|throw|new|try)\\b");

    /** What a line of source holds, for placing a breakpoint on it. */
    enum LineKind {
        /** Nothing that compiles to code: blank, braces, {@code else}/{@code try}, annotations. */
        FILLER,
        /** The head of a method or constructor declaration. */
        DECLARATION,
        /** Anything else: a statement, or the part of one. */
        CODE
    }

    /** The binary name of the file's main top-level class, e.g. {@code com.example.Main}. */
    String primaryClass() {
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        return packageName.isEmpty() ? base : packageName + "." + base;
    }

    /** What line {@code line} (1-based) holds. */
    LineKind kind(int line) {
        if (line < 1 || line > code.size()) {
            return line < 1 ? LineKind.FILLER : LineKind.CODE;
        }
        String text = code.get(line - 1);
        if (FILLER.matcher(text).matches()) {
            return LineKind.FILLER;
        }
        boolean head = !text.contains(";") && !text.contains("=") && !text.contains("->")
                && DECLARED_METHOD.matcher(text).find() && !CONTROL.matcher(text).find();
        return head ? LineKind.DECLARATION : LineKind.CODE;
    }

    /** The name a declaration line declares ({@code run} for {@code void run() {}}), or null. */
    String declaredName(int line) {
        if (line < 1 || line > code.size()) {
            return null;
        }
        Matcher m = DECLARED_METHOD.matcher(code.get(line - 1));
        return m.find() ? m.group(1) : null;
    }

    /** Reads a file; it must exist. */
    static JavaSourceFile read(Path path) throws IOException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            text = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
        }
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
        // blank the comments out, keeping their line breaks so that line numbers stay
        Matcher comments = COMMENTS.matcher(text);
        StringBuilder code = new StringBuilder(text.length());
        while (comments.find()) {
            String comment = comments.group();
            comments.appendReplacement(code, Matcher.quoteReplacement(comment.replaceAll("[^\\n]", " ")));
        }
        comments.appendTail(code);
        Matcher m = PACKAGE.matcher(code);
        return new JavaSourceFile(path, path.getFileName().toString(), m.find() ? m.group(1) : "",
                List.of(code.toString().split("\n", -1)));
    }
}
