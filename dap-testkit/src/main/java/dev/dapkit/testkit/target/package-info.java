/**
 * The target conformance suite: what every debug target must do behind dapkit's server, written
 * once ({@link dev.dapkit.testkit.target.TargetConformanceSuite}) and run by every target over
 * every way of reaching its server.
 *
 * <p>A target supplies a {@link dev.dapkit.testkit.target.ConformanceTarget}: the canonical
 * program in its own language, described by the paths the client sees and the lines of its
 * landmarks ({@link dev.dapkit.testkit.target.ConformanceProgram}), a way to open client
 * connections to new sessions, and optionally a long-running
 * {@link dev.dapkit.testkit.target.AttachableDebuggee}. The fake target's version is
 * {@link dev.dapkit.testkit.target.FakeConformancePrograms} and
 * {@link dev.dapkit.testkit.target.HostedFakeTarget}, which runs behind servers started by a
 * {@link dev.dapkit.testkit.target.ServerHosting}.
 */
package dev.dapkit.testkit.target;
