package dev.dapkit.client;

import dev.dapkit.client.internal.ProcessRunInTerminal;
import java.lang.ProcessBuilder.Redirect;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.eclipse.lsp4j.debug.RunInTerminalRequestArguments;
import org.eclipse.lsp4j.debug.RunInTerminalResponse;

/**
 * Runs the command of a {@code runInTerminal} reverse request (set with
 * {@link DapClientBuilder#runInTerminal}). An IDE opens a terminal; {@link #startProcess()} runs
 * the command as a plain child process, for headless use and tests.
 *
 * <p>Called on the client's executor, never on the thread that reads from the connection.
 */
@FunctionalInterface
public interface RunInTerminalHandler {

    /**
     * Runs {@code arguments.args} in {@code arguments.cwd} with {@code arguments.env} applied.
     *
     * @return a stage that completes with the {@code processId} (and/or {@code shellProcessId})
     *     of what was started
     */
    CompletionStage<RunInTerminalResponse> runInTerminal(RunInTerminalRequestArguments arguments) throws Exception;

    /**
     * A handler that starts the command with {@link ProcessBuilder} and answers its
     * {@code processId}, discarding the process's output (there is no terminal to show it).
     * See {@link #startProcess(Redirect)}.
     */
    static RunInTerminalHandler startProcess() {
        return new ProcessRunInTerminal(Redirect.DISCARD);
    }

    /**
     * A handler that starts the command with {@link ProcessBuilder} and answers its
     * {@code processId}: {@code args} are the command and its arguments, taken literally
     * (through {@code sh -c}, or {@code cmd /c} on Windows, only when the request sets
     * {@code argsCanBeInterpretedByShell}); {@code cwd} is the working directory when given;
     * {@code env} entries are added to this process's environment, and an entry whose value is
     * null removes that variable. Standard input is closed at once; standard output and error go
     * to {@code output} (for example {@link Redirect#to} a file). {@code kind} and {@code title}
     * are ignored. The process is not stopped when the client closes: it is the debuggee, and the
     * adapter ends it.
     */
    static RunInTerminalHandler startProcess(Redirect output) {
        return new ProcessRunInTerminal(Objects.requireNonNull(output, "output"));
    }
}
