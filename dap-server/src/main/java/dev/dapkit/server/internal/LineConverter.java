package dev.dapkit.server.internal;

/**
 * Converts lines and columns between the client's base ({@code linesStartAt1},
 * {@code columnsStartAt1} from {@code initialize}; 1-based by default) and the SPI's, which is
 * always 1-based. Null stays null.
 *
 * <p>Immutable and thread-safe.
 */
record LineConverter(boolean linesStartAt1, boolean columnsStartAt1) {

    static final LineConverter ONE_BASED = new LineConverter(true, true);

    static LineConverter of(Boolean linesStartAt1, Boolean columnsStartAt1) {
        return new LineConverter(linesStartAt1 == null || linesStartAt1, columnsStartAt1 == null || columnsStartAt1);
    }

    Integer lineToTarget(Integer line) {
        return line == null || linesStartAt1 ? line : Integer.valueOf(line + 1);
    }

    Integer lineToClient(Integer line) {
        return line == null || linesStartAt1 ? line : Integer.valueOf(line - 1);
    }

    Integer columnToTarget(Integer column) {
        return column == null || columnsStartAt1 ? column : Integer.valueOf(column + 1);
    }

    Integer columnToClient(Integer column) {
        return column == null || columnsStartAt1 ? column : Integer.valueOf(column - 1);
    }
}
