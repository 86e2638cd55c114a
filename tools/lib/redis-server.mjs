// Throwaway redis-server for tests and local runs: no persistence, loopback only, free port.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { getFreePort } from './free-port.mjs';
import { ensureCommand } from './system-deps.mjs';

const log = (msg) => process.stderr.write(`[baton] ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Sends a raw RESP PING to host:port; resolves true on +PONG. */
export function pingRedis(port, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    let buf = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      buf += d.toString('latin1');
      if (buf.includes('\r\n')) {
        done(buf.startsWith('+PONG'));
      }
    });
  });
}

/**
 * Starts redis-server on a free 127.0.0.1 port and waits until it answers PING.
 * @param {{ port?: number, pidFile?: string, startTimeoutMs?: number }} [options]
 *   pidFile: where to write the server pid (lets a later run reap a server orphaned by a killed parent).
 * @returns {Promise<{ url: string, host: string, port: number, pid: number, stop(): Promise<void> }>}
 */
export async function startRedisServer(options = {}) {
  const bin = await ensureCommand('redis-server', 'redis-server');
  const host = '127.0.0.1';
  const t0 = Date.now();
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = options.port || (await getFreePort(host));
    const args = ['--port', String(port), '--bind', host, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
    args.push('--protected-mode', 'yes', '--loglevel', 'warning', '--logfile', '');
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (d) => {
      output = (output + d.toString()).slice(-4000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let exited = null;
    child.once('exit', (code, signal) => (exited = { code, signal }));
    child.once('error', (err) => (exited = { code: null, signal: null, err }));
    // If our process goes away without stop(), do not leave the server behind ('exit' handlers must be synchronous).
    const onExit = () => child.exitCode === null && child.kill('SIGKILL');
    process.once('exit', onExit);

    const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
    while (!exited && Date.now() < deadline) {
      if (await pingRedis(port, host)) {
        break;
      }
      await sleep(25);
    }
    if (!exited && Date.now() < deadline) {
      if (options.pidFile) {
        writeFileSync(options.pidFile, `${child.pid}\n`);
      }
      log(`redis-server ready on ${host}:${port} (pid ${child.pid}, ${((Date.now() - t0) / 1000).toFixed(2)}s)`);
      let stopping = null;
      return {
        url: `redis://${host}:${port}`,
        host,
        port,
        pid: child.pid,
        stop() {
          stopping ??= new Promise((resolve) => {
            process.removeListener('exit', onExit);
            if (exited || child.exitCode !== null) {
              return resolve();
            }
            const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            child.kill('SIGTERM');
          });
          return stopping;
        },
      };
    }
    process.removeListener('exit', onExit);
    if (!exited) {
      child.kill('SIGKILL');
    }
    lastError = new Error(
      `redis-server did not start on ${host}:${port} (${exited ? (exited.err?.message ?? `exit ${exited.code ?? exited.signal}`) : 'timeout'}): ${output.trim().split('\n').slice(-5).join(' | ')}`,
    );
    if (options.port) {
      break;
    } // a fixed port will not get better on retry
  }
  throw lastError;
}
