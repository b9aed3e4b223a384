import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/*
 * A real `facturo serve` on a free port with a throwaway data dir (STYLE.md §14), as a child process
 * so the server never shares an event loop with the tests. Used by the e2e worker fixture and by the
 * PWA benchmark.
 */

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const cli = path.join(repoRoot, 'sync-server/bin/facturo.mjs');
const HEALTH_TIMEOUT_MS = 30_000;

export interface TestServer {
  /** http://localhost:PORT — a host name, as WebAuthn needs. */
  url: string;
  port: number;
  /** The server process, e.g. to read its CPU time. */
  pid: number;
  dataDir: string;
  /** Runs the CLI against this server's data dir; resolves with its stdout. */
  cli(args: string[]): Promise<string>;
  /** `facturo demo`: a fresh one-time owner invitation of the demo company (the last line). */
  demoInvite(): Promise<string>;
  /** `facturo token create`: a Bearer API token (the last line). */
  token(role: string, company?: string): Promise<string>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function envFor(port: number, dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    FACTURO_DATA_DIR: dataDir,
    FACTURO_PUBLIC_URL: `http://localhost:${port}`,
  };
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return (lines[lines.length - 1] ?? '').trim();
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`facturo ${args.join(' ')} exited ${code}: ${err || out}`))));
  });
}

async function waitForHealth(port: number, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`facturo serve exited with ${child.exitCode}:\n${logs()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`facturo serve did not answer /api/v1/health within ${HEALTH_TIMEOUT_MS} ms:\n${logs()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface StartOptions {
  /** A data dir prepared beforehand (it is still removed on stop); a fresh one by default. */
  dataDir?: string;
  /** Extra environment of the server process, e.g. NODE_OPTIONS for profiling. */
  env?: NodeJS.ProcessEnv;
}

export async function startTestServer(opts: StartOptions = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'facturo-e2e-')));
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const env = { ...envFor(port, dataDir), ...opts.env };
    const child = spawn(process.execPath, [cli, 'serve', '--port', String(port)], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let logs = '';
    const keep = (d: Buffer) => {
      logs = (logs + d.toString()).slice(-20_000);
      if (process.env.FACTURO_E2E_SERVER_LOGS) process.stderr.write(d);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    try {
      await waitForHealth(port, child, () => logs);
    } catch (error) {
      await stopChild(child);
      // Another process may have taken the port between the probe and the listen: try another one.
      if (attempt < 2 && /EADDRINUSE/.test(logs)) continue;
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    }
    // If this process dies without stopping the server (Ctrl-C, a crash), the server goes with it.
    const orphanGuard = () => child.kill('SIGKILL');
    process.once('exit', orphanGuard);
    return {
      url: `http://localhost:${port}`,
      port,
      pid: child.pid ?? -1,
      dataDir,
      cli: (args) => runCli(args, env),
      demoInvite: async () => lastLine(await runCli(['demo'], env)),
      token: async (role, company = 'demo') => lastLine(await runCli(['token', 'create', '--company', company, '--role', role], env)),
      async stop() {
        process.off('exit', orphanGuard);
        await stopChild(child);
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
}
