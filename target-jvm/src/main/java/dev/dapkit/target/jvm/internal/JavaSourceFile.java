package dev.dapkit.target.jvm.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source file a client set breakpoints in, with what the target needs to find its classes: its
 * name (the classes' {@code SourceFile} attribute) and its package, read from the file's
 * {@code package} declaration.
 *
 * @param path the file
 * @param fileName its name, e.g. {@code Main.java}
 * @param packageName its package, empty for the unnamed package
 */
record JavaSourceFile(Path path, String fileName, String packageName) {

    /** The package declaration is at the top of a file; a huge file is not read whole to find it. */
    private static final int HEAD = 64 * 1024;

    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*package\\s+([\\w.]+)\\s*;");

    /** The binary name of the file's main top-level class, e.g. {@code com.example.Main}. */
    String primaryClass() {
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        return packageName.isEmpty() ? base : packageName + "." + base;
    }

    /** Reads a file's package; the file must exist. */
    static JavaSourceFile read(Path path) throws IOException {
        char[] head = new char[HEAD];
        int n;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            n = reader.read(head);
        } catch (java.nio.charset.MalformedInputException e) {
            n = -1;
        }
        String text = n <= 0 ? readLatin1(path) : new String(head, 0, n);
        String code = COMMENTS.matcher(text).replaceAll(" ");
        Matcher m = PACKAGE.matcher(code);
        return new JavaSourceFile(path, path.getFileName().toString(), m.find() ? m.group(1) : "");
    }

    private static String readLatin1(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        return new String(bytes, 0, Math.min(bytes.length, HEAD), StandardCharsets.ISO_8859_1);
    }
}
