package dev.dapkit.target.micropython.internal;

/** Paths on the device as the agent reports them ({@code /flash/main.py}, {@code <stdin>}). Stateless. */
final class DevicePaths {

    private DevicePaths() {
    }

    /** The last part of a path, with either separator. */
    static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /**
     * A path made absolute against {@code cwd}; absolute paths, pseudo-files and paths without a
     * known {@code cwd} stay as they are. {@code ./} and {@code ../} parts are resolved.
     */
    static String absolute(String path, String cwd) {
        if (path == null || path.isEmpty() || path.startsWith("/") || isPseudoFile(path) || cwd == null
                || cwd.isEmpty() || path.matches("^[A-Za-z]:[\\\\/].*")) {
            return path;
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String part : (cwd + "/" + path).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** Whether the "file" is a name like {@code <stdin>} or {@code <string>} that no file system has. */
    static boolean isPseudoFile(String path) {
        return path.startsWith("<") && path.endsWith(">");
    }
}
