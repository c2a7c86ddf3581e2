package dev.dapkit.testkit.target;

import dev.dapkit.model.RawJson;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The conformance suite's programs as one target writes them in its own language, described by the
 * paths the <em>client</em> sees, the {@code launch} arguments, and the lines of their landmarks
 * (1-based, as the suite's client counts lines). The canonical program, required of every target:
 * <pre>
 * def add(a, b):               # ADD_DEF
 *     s = a + b                # ADD_BODY    stepIn lands here
 *     return s                 # ADD_RETURN
 * def main():
 *     total = 0
 *     for i in range(5):       # LOOP        next from CALL lands here
 *         total = add(total, i)    # CALL    breakpoints go here
 *     print("total", total)    # PRINT       prints "total 10"
 *                              # exits with code 0
 * </pre>
 * The optional variants cover what not every target has; a scenario that needs one the target
 * does not describe is skipped with a message.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mainPath the canonical program's main file, as the client names it
 * @param launchArguments the {@code launch} arguments that run the canonical program
 * @param lines where the canonical program's landmarks are
 * @param structuredLocal a structured local of {@code main} visible at CALL, if the program has one
 * @param looping a program that runs long enough to pause it and attach to it
 * @param threads a program with a second thread
 * @param raising a program that dies of an uncaught error
 */
public record ConformanceProgram(String mainPath, RawJson launchArguments, Lines lines,
        Optional<StructuredLocal> structuredLocal, Optional<LoopingProgram> looping, Optional<ThreadsProgram> threads,
        Optional<RaisingProgram> raising) {

    public ConformanceProgram {
        Objects.requireNonNull(mainPath, "mainPath");
        Objects.requireNonNull(launchArguments, "launchArguments");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(structuredLocal, "structuredLocal");
        Objects.requireNonNull(looping, "looping");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(raising, "raising");
    }

    /** The canonical program alone, without optional variants. */
    public static ConformanceProgram canonical(String mainPath, RawJson launchArguments, Lines lines) {
        return new ConformanceProgram(mainPath, launchArguments, lines, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public ConformanceProgram withStructuredLocal(StructuredLocal value) {
        return new ConformanceProgram(mainPath, launchArguments, lines, Optional.of(value), looping, threads, raising);
    }

    public ConformanceProgram withLooping(LoopingProgram value) {
        return new ConformanceProgram(mainPath, launchArguments, lines, structuredLocal, Optional.of(value), threads,
                raising);
    }

    public ConformanceProgram withThreads(ThreadsProgram value) {
        return new ConformanceProgram(mainPath, launchArguments, lines, structuredLocal, looping, Optional.of(value),
                raising);
    }

    public ConformanceProgram withRaising(RaisingProgram value) {
        return new ConformanceProgram(mainPath, launchArguments, lines, structuredLocal, looping, threads,
                Optional.of(value));
    }

    /**
     * The canonical program's landmarks.
     *
     * @param addDef the {@code def add} line
     * @param addBody the first statement of {@code add}, where {@code stepIn} from CALL stops
     * @param addReturn the {@code return} of {@code add}
     * @param loop the loop header of {@code main}, where {@code next} from CALL stops
     * @param call the call of {@code add} in the loop, where breakpoints go
     * @param print the line that prints {@code total 10}
     */
    public record Lines(int addDef, int addBody, int addReturn, int loop, int call, int print) {
    }

    /**
     * A local of {@code main}, visible when stopped at CALL, with children to expand.
     *
     * @param name the variable's name, e.g. {@code items}
     * @param childValues the values its children show, in order, e.g. {@code ["10", "20", "30"]}
     */
    public record StructuredLocal(String name, List<String> childValues) {
        public StructuredLocal {
            Objects.requireNonNull(name, "name");
            childValues = List.copyOf(childValues);
        }
    }

    /**
     * A program that loops for much longer than any test runs, counting its passes.
     *
     * @param path its file, as the client names it
     * @param launchArguments the {@code launch} arguments that run it
     * @param loopLine a line in the loop that runs on every pass
     * @param counterExpression an expression whose integer value grows as the program runs, e.g. {@code count}
     */
    public record LoopingProgram(String path, RawJson launchArguments, int loopLine, String counterExpression) {
        public LoopingProgram {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(launchArguments, "launchArguments");
            Objects.requireNonNull(counterExpression, "counterExpression");
        }
    }

    /**
     * A program whose main thread starts a second thread and outlives it.
     *
     * @param path the file with the second thread's code, as the client names it
     * @param launchArguments the {@code launch} arguments that run it
     * @param workerLine a line that only the second thread runs, while the main thread is alive
     */
    public record ThreadsProgram(String path, RawJson launchArguments, int workerLine) {
        public ThreadsProgram {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(launchArguments, "launchArguments");
        }
    }

    /**
     * A program that raises an error nothing catches, and dies of it.
     *
     * @param path the file that raises, as the client names it
     * @param launchArguments the {@code launch} arguments that run it
     * @param raiseLine the line that raises
     * @param uncaughtFilter the exception filter (of the target's {@code exceptionBreakpointFilters})
     *     that stops on uncaught errors
     */
    public record RaisingProgram(String path, RawJson launchArguments, int raiseLine, String uncaughtFilter) {
        public RaisingProgram {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(launchArguments, "launchArguments");
            Objects.requireNonNull(uncaughtFilter, "uncaughtFilter");
        }
    }
}
