/**
 * The fake debuggee: the toy language's parser ({@code SourceParser}, {@code ExprParser}) and
 * interpreter ({@code Interpreter}), and the VM that runs a program on debuggee threads and offers
 * a debugging interface ({@code Vm}, {@code Scheduler}, {@code StopRules}). Not exported: the fake
 * target is its only user.
 */
package dev.dapkit.testkit.fake.internal;
