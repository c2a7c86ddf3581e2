'use strict';
// VS Code's own DAP test client (DebugClient from @vscode/debugadapter-testsupport) connects to a
// running `dapkit serve --target jvm`, launches a Java program, hits a breakpoint, checks where it
// stopped and the stack, and runs the program to its end. Run by VsCodeTestClientTest, which
// starts the server and passes everything through the environment:
//   DAPKIT_PORT, DAPKIT_MAIN_CLASS, DAPKIT_CLASSES, DAPKIT_SOURCES, DAPKIT_SOURCE_FILE, DAPKIT_LINE,
//   DAPKIT_TIMEOUT_MS (optional, default 60000).
// Exits 0 when every check passes, 1 with the reason otherwise.

const assert = require('assert');
const path = require('path');
const { DebugClient } = require('@vscode/debugadapter-testsupport');

function env(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`FAIL: environment variable ${name} is not set`);
    process.exit(1);
  }
  return value;
}

const port = Number(env('DAPKIT_PORT'));
const sourceFile = env('DAPKIT_SOURCE_FILE');
const line = Number(env('DAPKIT_LINE'));
const launchArgs = {
  mainClass: env('DAPKIT_MAIN_CLASS'),
  classPaths: [env('DAPKIT_CLASSES')],
  sourcePaths: [env('DAPKIT_SOURCES')],
  console: 'internalConsole',
};
const timeoutMs = Number(process.env.DAPKIT_TIMEOUT_MS || 60000);

let step = 'starting';

async function run(dc) {
  step = `connecting to 127.0.0.1:${port}`;
  await dc.start(port); // a port: talk to a server that is already listening
  console.log(`connected to dapkit serve at 127.0.0.1:${port}`);

  const stopped = dc.waitForEvent('stopped'); // hitBreakpoint checks the stop; this keeps its thread id
  const exited = dc.waitForEvent('exited');
  const output = [];
  dc.on('output', (event) => output.push(event.body.output));

  step = `hitBreakpoint ${path.basename(sourceFile)}:${line}`;
  const [, , stackTrace] = await dc.hitBreakpoint(launchArgs, { path: sourceFile, line });
  const threadId = (await stopped).body.threadId;
  console.log(`hitBreakpoint: stopped for 'breakpoint' at ${sourceFile}:${line} (thread ${threadId})`);

  step = 'checking the stack trace';
  const frames = stackTrace.body.stackFrames;
  assert.ok(frames.length >= 2, `expected at least 2 frames, got ${JSON.stringify(frames)}`);
  assert.match(frames[0].name, /^Inventory\.total\(/, 'top frame');
  assert.match(frames[1].name, /^Inventory\.main\(/, 'caller frame');
  dc.assertPath(frames[1].source.path, sourceFile, 'caller frame: path mismatch');
  for (const [depth, frame] of frames.entries()) {
    console.log(`  #${depth} ${frame.name} ${frame.source ? path.basename(frame.source.path || frame.source.name) : '?'}:${frame.line}`);
  }

  step = 'reading the top frame\'s locals';
  const scopes = (await dc.scopesRequest({ frameId: frames[0].id })).body.scopes;
  const locals = (await dc.variablesRequest({ variablesReference: scopes[0].variablesReference })).body.variables;
  const i = locals.find((v) => v.name === 'i');
  assert.ok(i, `no local 'i' in ${JSON.stringify(locals)}`);
  assert.strictEqual(i.value, '0', 'i at the first stop');
  console.log(`locals: ${locals.map((v) => `${v.name} = ${v.value}`).join(', ')}`);

  step = 'removing the breakpoint and continuing to the end';
  await dc.setBreakpointsRequest({ source: { path: sourceFile }, breakpoints: [] });
  await Promise.all([dc.continueRequest({ threadId }), dc.waitForEvent('terminated')]);
  const exitCode = (await exited).body.exitCode;
  assert.strictEqual(exitCode, 0, 'the program\'s exit code');
  const printed = output.join('');
  assert.match(printed, /stock value of \d+ items: \d+ cents/, 'the program\'s output');
  console.log(`terminated: exit code ${exitCode}; program output: ${printed.trim()}`);

  step = 'disconnecting';
  await dc.stop();
}

async function main() {
  const dc = new DebugClient('node', 'unused', 'java');
  // in server mode DebugClient has no timeouts of its own: bound the whole run here
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms while ${step}`)), timeoutMs);
  });
  try {
    await Promise.race([run(dc), timeout]);
    console.log('PASS: VS Code\'s DebugClient hit a breakpoint in a Java program through dapkit serve');
    process.exitCode = 0;
  } catch (error) {
    console.error(`FAIL while ${step}: ${error && error.stack ? error.stack : error}`);
    process.exitCode = 1;
  } finally {
    clearTimeout(timer);
    dc.stopAdapter();
  }
}

// DebugClient.start(port) leaves socket errors (nothing listening) unhandled: report them like any failure
process.on('uncaughtException', (error) => {
  console.error(`FAIL while ${step}: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
});

main();
