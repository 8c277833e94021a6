'use strict';
/**
 * `node local/guard.cjs <command> [args…]`: runs the command and makes sure it never outlives the
 * process that started this guard. The parent holds our stdin: when it goes away, however it dies
 * (SIGKILL included), the pipe closes and the command is stopped (SIGTERM, then SIGKILL after 5 s).
 * A line on stdin naming a signal (`SIGTERM`, `SIGKILL`) sends it to the command. Ctrl-C is not
 * ours: started in a process group of its own, the guard and its command see no terminal signal,
 * and the parent stops them when it is done with them. Exits as the command does.
 */
const { spawn } = require('node:child_process');

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const running = () => child.exitCode === null && child.signalCode === null;
const send = (signal) => {
  if (running()) child.kill(signal);
};

let ending = false;
const end = () => {
  if (ending) return;
  ending = true;
  send('SIGTERM');
  setTimeout(() => send('SIGKILL'), 5000).unref();
};

let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (text) => {
  pending += text;
  for (let i = pending.indexOf('\n'); i !== -1; i = pending.indexOf('\n')) {
    const line = pending.slice(0, i).trim();
    pending = pending.slice(i + 1);
    if (/^SIG[A-Z0-9]+$/.test(line)) send(line);
  }
});
process.stdin.on('end', end);
process.stdin.on('error', end);
process.on('SIGTERM', end);
process.on('SIGHUP', end);
process.on('SIGINT', () => {});

child.on('error', (err) => {
  process.stderr.write(`guard: cannot run ${command}: ${err.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal === 'SIGKILL' ? 137 : 143));
});
