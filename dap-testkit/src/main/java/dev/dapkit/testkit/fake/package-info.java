/**
 * A scripted fake debuggee and its debugger backend: the reference implementation of the target
 * SPI ({@code dev.dapkit.server.spi}), and a deterministic target for conformance tests.
 *
 * <p>{@link dev.dapkit.testkit.fake.FakeProgram} runs a program of a small toy language on its own
 * threads, one statement at a time; {@link dev.dapkit.testkit.fake.FakeTarget} debugs it through
 * the SPI; {@link dev.dapkit.testkit.fake.FakeTargetProvider} (target id {@code fake}) makes
 * targets for a server. Files are named by their target path, e.g. {@code /remote/app/main.fake},
 * and come from {@link dev.dapkit.testkit.fake.FakeSources}.
 *
 * <h2>The toy language</h2>
 * Python-like, one statement per line (or several separated by {@code ;}), blocks by indentation,
 * {@code #} comments:
 * <pre>
 * import lib                       # runs lib.fake from the same folder, once
 * def add(a, b):                   # functions only at the top level of a file
 *     return a + b
 * total = 0
 * for i in range(5):               # for NAME in LIST (or a map's keys)
 *     total = add(total, i)
 * if total &gt; 5 and not False:
 *     print("total", total)        # prints "total 10"
 * else:
 *     pass
 * p = Point{x: 1, y: [1, 2]}       # an object; p.x, p.y[1]
 * m = {"a": 1, 2: None}            # a map; m["a"]
 * spawn worker(3)                  # runs worker(3) on a new thread
 * try:
 *     raise "boom"                 # raises any value; failing operations raise their message
 * except e:
 *     print("caught", e)
 * x = 1; y = 2                     # two statements, two stop points on one line
 * exit(0)
 * </pre>
 * Values: int (64-bit, overflow raises), str, bool ({@code True}/{@code False}), {@code None},
 * list, map (keys int, str or bool), object, function. Operators: {@code + - * / %} on ints
 * ({@code /} truncates), {@code +} on strings, {@code == != < <= > >=}, {@code and or not}; lists,
 * maps and objects compare by identity. Builtins: {@code print(...)}, {@code len(x)},
 * {@code str(x)}, {@code range(n)} (a list), {@code append(list, x)}, {@code busy(n)} (n steps of
 * busy work, cancellable when evaluated), {@code exit(code)}; the global {@code argv} holds the
 * launch arguments.
 *
 * <h2>Execution</h2>
 * Each thread of the program runs on its own Java thread, but only one runs at a time: they take
 * turns, one statement each, in the order they started, so a program's output and stops are the
 * same on every run. Before each statement a thread checks whether it must stop (a breakpoint, a
 * finished step, a pause request); a stop suspends every thread until the debugger resumes. The
 * program ends when its last thread ends, with the code given to {@code exit}, 1 when the main
 * thread died of an uncaught error, {@value dev.dapkit.testkit.fake.FakeProgram#TERMINATED_EXIT_CODE}
 * when terminated, else 0.
 *
 * <h2>Stepping</h2>
 * A {@code for} header is a stop point before every pass. {@code next} stops on the next line of
 * the same frame, or in the caller when the frame returns; {@code stepIn} stops on the first
 * statement of the function called on the current line (never on a {@code def} line), else like
 * {@code next}; {@code stepOut} stops in the caller on the line of the call, right after the call
 * returned (its assignment not yet done). With statement granularity, each statement of a line is
 * its own step.
 *
 * <p>A stop at a statement where breakpoints are set names them in {@code hitBreakpointIds}
 * whatever its reason: a step that ends on a breakpoint's line stops with reason {@code step} and
 * that breakpoint's id. A step that runs into a breakpoint on the way stops there (reason
 * {@code breakpoint}); when the engine then resumes unseen ({@code resumeFilteredStop}: the
 * condition was false, or it was a logpoint), the step goes on and completes where it would have.
 */
package dev.dapkit.testkit.fake;
