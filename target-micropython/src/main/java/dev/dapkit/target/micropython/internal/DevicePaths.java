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

    /** Whether the "file" is a name like {@code <stdin>} or {@code <string>} that no file system has. */
    static boolean isPseudoFile(String path) {
        return path.startsWith("<") && path.endsWith(">");
    }
}
