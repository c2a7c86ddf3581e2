package dev.dapkit.server.spi;

/**
 * Which children of a container the client asked for.
 *
 * @param filter only named or only indexed children, or both
 * @param start the index of the first child, for paging; 0 when not paging
 * @param count the most children to return; 0 means all
 */
public record VariablesPage(Filter filter, int start, int count) {

    /** All children, no paging. */
    public static final VariablesPage ALL = new VariablesPage(Filter.BOTH, 0, 0);

    public VariablesPage {
        if (start < 0 || count < 0) {
            throw new IllegalArgumentException("start and count must not be negative: " + start + ", " + count);
        }
        if (filter == null) {
            filter = Filter.BOTH;
        }
    }

    /** DAP's {@code filter} argument of {@code variables}. */
    public enum Filter {
        /** Named children only (fields, keys). */
        NAMED,
        /** Indexed children only (array elements). */
        INDEXED,
        /** Both. */
        BOTH
    }
}
