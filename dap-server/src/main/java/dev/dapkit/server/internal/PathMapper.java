package dev.dapkit.server.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps file paths between the client's file system and the debuggee's.
 *
 * <ul>
 *   <li>With {@link PathMapping}s: the mapping whose root is the longest prefix of the path (by
 *       whole segments) wins, in both directions; separators follow the destination root's style,
 *       and roots that look like Windows paths compare without regard to case.
 *   <li>Without a matching mapping, a client path is matched by suffix against the paths the
 *       target has reported (frames, loaded sources, breakpoints): the known path sharing the most
 *       trailing segments (at least the file name, and only if no other path shares as many) is
 *       taken, and the pair is remembered for the way back.
 *   <li>Otherwise a path maps to itself.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class PathMapper {

    /** Known target paths kept for the suffix match; a bound so a huge program cannot exhaust memory. */
    private static final int MAX_KNOWN_PATHS = 20_000;

    private volatile List<PathMapping> mappings = List.of();
    private final Set<String> knownTargetPaths = new LinkedHashSet<>();
    private final Map<String, String> learnedToTarget = new LinkedHashMap<>();
    private final Map<String, String> learnedToClient = new LinkedHashMap<>();

    /** Replaces the mappings (from the launch or attach arguments). */
    void setMappings(List<PathMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    /** Remembers a path the target reported, for the suffix match. */
    void learnTargetPath(String targetPath) {
        if (targetPath == null || targetPath.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (knownTargetPaths.size() < MAX_KNOWN_PATHS) {
                knownTargetPaths.add(targetPath);
            }
        }
    }

    /** The debuggee's path for a client path. */
    String toTarget(String clientPath) {
        if (clientPath == null) {
            return null;
        }
        String mapped = mapByRoots(clientPath, true);
        if (mapped != null) {
            return mapped;
        }
        synchronized (this) {
            String learned = learnedToTarget.get(clientPath);
            if (learned != null) {
                return learned;
            }
            String bySuffix = matchBySuffix(clientPath);
            if (bySuffix != null) {
                learnedToTarget.put(clientPath, bySuffix);
                learnedToClient.put(bySuffix, clientPath);
                return bySuffix;
            }
        }
        return clientPath;
    }

    /** The client's path for a debuggee path. */
    String toClient(String targetPath) {
        if (targetPath == null) {
            return null;
        }
        String mapped = mapByRoots(targetPath, false);
        if (mapped != null) {
            return mapped;
        }
        synchronized (this) {
            String learned = learnedToClient.get(targetPath);
            return learned != null ? learned : targetPath;
        }
    }

    private String mapByRoots(String path, boolean clientToTarget) {
        List<PathMapping> mappings = this.mappings;
        if (mappings.isEmpty()) {
            // the usual case, asked once per frame of every stack trace: nothing to split
            return null;
        }
        String[] segments = segments(path);
        PathMapping best = null;
        int bestLength = -1;
        for (PathMapping m : mappings) {
            String from = clientToTarget ? m.localRoot() : m.remoteRoot();
            String[] root = segments(from);
            if (root.length > bestLength && startsWith(segments, root, looksLikeWindows(from))) {
                best = m;
                bestLength = root.length;
            }
        }
        if (best == null) {
            return null;
        }
        String to = clientToTarget ? best.remoteRoot() : best.localRoot();
        return join(to, Arrays.copyOfRange(segments, bestLength, segments.length));
    }

    private String matchBySuffix(String clientPath) {
        String[] client = segments(clientPath);
        if (client.length == 0) {
            return null;
        }
        String best = null;
        int bestLength = 0;
        boolean tie = false;
        for (String known : knownTargetPaths) {
            int shared = sharedSuffix(client, segments(known), looksLikeWindows(clientPath) || looksLikeWindows(known));
            if (shared > bestLength) {
                best = known;
                bestLength = shared;
                tie = false;
            } else if (shared == bestLength && shared > 0) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static int sharedSuffix(String[] a, String[] b, boolean ignoreCase) {
        int n = 0;
        while (n < a.length && n < b.length && same(a[a.length - 1 - n], b[b.length - 1 - n], ignoreCase)) {
            n++;
        }
        return n;
    }

    private static boolean startsWith(String[] path, String[] root, boolean ignoreCase) {
        if (root.length > path.length) {
            return false;
        }
        for (int i = 0; i < root.length; i++) {
            if (!same(path[i], root[i], ignoreCase)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(String a, String b, boolean ignoreCase) {
        return ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b);
    }

    /** The segments of a path; a leading separator (an absolute Unix path) is kept as an empty first segment. */
    private static String[] segments(String path) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/' || path.charAt(i) == '\\') {
                if (i > start || start == 0) {
                    parts.add(path.substring(start, i));
                }
                start = i + 1;
            }
        }
        return parts.toArray(String[]::new);
    }

    private static String join(String root, String[] rest) {
        char separator = looksLikeWindows(root) && root.indexOf('/') < 0 ? '\\' : '/';
        StringBuilder out = new StringBuilder(root);
        while (out.length() > 0 && (out.charAt(out.length() - 1) == '/' || out.charAt(out.length() - 1) == '\\')) {
            out.setLength(out.length() - 1);
        }
        if (rest.length == 0 && out.length() == 0) {
            return root;
        }
        for (String segment : rest) {
            out.append(separator).append(segment);
        }
        return out.toString();
    }

    private static boolean looksLikeWindows(String path) {
        return path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
                || path.indexOf('\\') >= 0 && path.indexOf('/') < 0;
    }
}
