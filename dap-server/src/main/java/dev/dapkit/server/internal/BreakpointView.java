package dev.dapkit.server.internal;

import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.BreakpointNotVerifiedReason;
import org.eclipse.lsp4j.debug.Source;

/**
 * Shows a {@link BreakpointRegistry.Entry} to the client: the engine's id, what the target last
 * said (or why the breakpoint is not set), lines in the client's base and sources in the client's
 * file system.
 *
 * <p>Thread-safe.
 */
final class BreakpointView {

    private final BreakpointRegistry registry;
    private final SourceTranslator sources;
    private final ClientProfile client;

    BreakpointView(BreakpointRegistry registry, SourceTranslator sources, ClientProfile client) {
        this.registry = registry;
        this.sources = sources;
        this.client = client;
    }

    /** The breakpoint as the client sees it. */
    Breakpoint toClient(BreakpointRegistry.Entry entry) {
        LineConverter lines = client.lines();
        Breakpoint out = new Breakpoint();
        out.setId(entry.id);
        Breakpoint reported = registry.reported(entry);
        if (!entry.rule().isValid()) {
            out.setVerified(false);
            out.setMessage(entry.rule().invalidReason());
            out.setReason(BreakpointNotVerifiedReason.FAILED);
        } else if (reported == null) {
            out.setVerified(false);
            out.setMessage("not set yet: the debuggee has not been launched or attached");
            out.setReason(BreakpointNotVerifiedReason.PENDING);
        } else {
            out.setVerified(reported.isVerified());
            out.setMessage(reported.getMessage());
            out.setReason(reported.getReason());
            out.setEndLine(lines.lineToClient(reported.getEndLine()));
            out.setEndColumn(lines.columnToClient(reported.getEndColumn()));
            out.setInstructionReference(reported.getInstructionReference());
            out.setOffset(reported.getOffset());
        }
        Integer line = reported != null && reported.getLine() != null ? reported.getLine() : entry.spec.line();
        Integer column = reported != null && reported.getColumn() != null ? reported.getColumn() : entry.spec.column();
        out.setLine(lines.lineToClient(line));
        out.setColumn(lines.columnToClient(column));
        Source source = reported != null && reported.getSource() != null ? reported.getSource() : entry.targetSource;
        out.setSource(sources.toClient(source));
        return out;
    }
}
