import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices, ensureDemo, loadConfig } from '../../../sync-server/src/index';
import { createApiToken } from '../../../sync-server/src/companies/index';
import { docIds } from '@facturo/core';
import { startTestServer } from '../../../e2e/support/server';
import { cpuPressureMeter } from '../report';
import { sleep, summarize, within, type Summary } from '../stats';
import { connectClient, ownClock, type SyncClient, type Target } from './clients';
import type { CrowdCommand, CrowdReply } from './crowd';

/*
 * Round trip of one update between two clients through the server, with N clients connected to the
 * same company's workspace room. The server runs as a child process (`facturo serve`), the N-2 passive
 * clients in another child process, the writer and the reader in this one: three event loops, as three
 * machines would have. Each sample: the writer sets a settings field, the reader observes the value
 * (relay), and the writer receives the server's ack (100) once the update is committed to the log.
 */
export interface RoundTripResult {
  clients: number;
  relay: Summary;
  ack: Summary;
  failures: number;
  connectSeconds: number;
  /** Crowd clients that had the last value at the end (fan-out check); null when not checked. */
  fanOut: { matching: number; total: number } | null;
  /** CPU use while measuring, in % of one core: the server process, and the crowd process. */
  serverCpu: number;
  crowdCpu: number | null;
  /** The server's event-loop delay while measuring (ms): worst per-second p99, and the max. */
  serverLoopDelay: { p99: number; max: number } | null;
  presence: boolean;
  /** Share of the measuring time in which some task of the machine waited for a CPU (PSI), %. */
  cpuPressure: number;
  /** Connections lost while measuring: the writer and reader, and the crowd (null: not known). */
  drops: { measured: number; crowd: number | null };
}

export interface RoundTripConfig {
  clients: number;
  /** Every client announces its presence (awareness) and keeps it alive, as browser tabs do. */
  presence: boolean;
}

export interface RoundTripOptions {
  configs: RoundTripConfig[];
  samples: number;
  warmup: number;
  /**
   * Pause between samples, so each one is a lone update rather than a pipeline, and the samples span
   * several presence renewal periods (15 s): a shorter window would catch a renewal burst or not by luck.
   */
  gapMs: number;
  sampleTimeoutMs: number;
  /** Wall-clock cap of one configuration's measuring phase. */
  phaseBudgetMs: number;
}

export const defaultRoundTrip: RoundTripOptions = {
  // The realistic case (presence on) at each size, and 500 without presence to tell the two costs apart.
  configs: [
    { clients: 2, presence: true },
    { clients: 50, presence: true },
    { clients: 500, presence: true },
    { clients: 500, presence: false },
  ],
  samples: 300,
  warmup: 30,
  gapMs: 150,
  sampleTimeoutMs: 5_000,
  phaseBudgetMs: 120_000,
};

async function prepareCompany(dataDir: string): Promise<{ companyId: string; token: string }> {
  const services = await createServices(loadConfig({ ...process.env, FACTURO_DATA_DIR: dataDir }, { port: 0 }));
  try {
    const { companyId } = await ensureDemo(services);
    const { token } = await createApiToken(services.db, companyId, 'owner', 'bench sync', services.now());
    await services.log.drain();
    return { companyId, token };
  } finally {
    services.db.close();
  }
}

interface ProbeLine {
  t: number;
  p99: number;
  max: number;
}

function loopDelayBetween(file: string, from: number, to: number): { p99: number; max: number } | null {
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as ProbeLine).filter((l) => l.t > from && l.t <= to + 1000);
  if (lines.length === 0) return null;
  return { p99: Math.max(...lines.map((l) => l.p99)), max: Math.max(...lines.map((l) => l.max)) };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in USER_HZ (100 on Linux)
  } catch {
    return Number.NaN;
  }
}

class Crowd {
  private waiting: ((r: CrowdReply) => void) | null = null;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: CrowdReply) => {
      const w = this.waiting;
      this.waiting = null;
      w?.(m);
    });
  }

  static start(): Crowd {
    const child = fork(path.join(import.meta.dirname, 'crowd.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Crowd(child);
  }

  ask(command: CrowdCommand, timeoutMs: number): Promise<CrowdReply> {
    const answer = new Promise<CrowdReply>((resolve, reject) => {
      this.waiting = resolve;
      this.child.once('exit', (code) => reject(new Error(`the crowd process exited (${code})`)));
    });
    this.child.send(command);
    return within(timeoutMs, `crowd ${command.type}`, answer).finally(() => this.child.removeAllListeners('exit'));
  }

  async stop() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    if (this.child.connected) this.child.send({ type: 'stop' } satisfies CrowdCommand);
    await within(5_000, 'crowd exit', exited).catch(() => this.child.kill('SIGKILL'));
  }
}

/** One sample: resolves with [relay ms, ack ms]. */
function sample(writer: SyncClient, reader: SyncClient, value: string, timeoutMs: number): Promise<[number, number]> {
  return within(timeoutMs, `round trip of ${value}`, new Promise<[number, number]>((resolve) => {
    let relay = -1;
    let ack = -1;
    const done = () => {
      if (relay < 0 || ack < 0) return;
      reader.workspace.settings.unobserve(onReader);
      writer.onAck = null;
      resolve([relay, ack]);
    };
    const onReader = () => {
      if (relay < 0 && reader.workspace.readSettings().tradeName === value) {
        relay = performance.now() - t0;
        done();
      }
    };
    reader.workspace.settings.observe(onReader);
    const t0 = performance.now();
    writer.workspace.updateSettings({ tradeName: value });
    const mine = ownClock(writer.doc);
    writer.onAck = (sv) => {
      if (ack < 0 && (sv.get(writer.doc.clientID) ?? 0) >= mine) {
        ack = performance.now() - t0;
        done();
      }
    };
  }));
}

async function crowdCheck(crowd: Crowd, value: string): Promise<{ matching: number; total: number; cpuSeconds: number; drops: number } | null> {
  const r = await crowd.ask({ type: 'check', value }, 30_000).catch(() => null);
  return r?.type === 'checked' ? r : null;
}

async function measureOne(target: Target & { serverPid: number; probeFile: string }, { clients, presence }: RoundTripConfig, opts: RoundTripOptions, log: (s: string) => void): Promise<RoundTripResult> {
  const crowd = clients > 2 ? Crowd.start() : null;
  const connectStart = performance.now();
  let writer: SyncClient | null = null;
  let reader: SyncClient | null = null;
  try {
    if (crowd) {
      const ready = await crowd.ask({ type: 'start', target, count: clients - 2, batch: 50, presence }, 180_000);
      if (ready.type !== 'ready') throw new Error(`crowd: ${ready.type === 'failed' ? ready.message : ready.type}`);
    }
    writer = await connectClient(target, 'writer', presence);
    reader = await connectClient(target, 'reader', presence);
    const connectSeconds = (performance.now() - connectStart) / 1000;
    log(`  ${clients} clients connected in ${connectSeconds.toFixed(1)} s`);
    await sleep(2_000); // let the burst of presence announcements settle
    const crowdBefore = crowd ? await crowdCheck(crowd, '') : null;
    const serverBefore = cpuSecondsOf(target.serverPid);
    const phaseStart = performance.now();
    const phaseStartWall = Date.now();
    const pressure = cpuPressureMeter();

    const relay: number[] = [];
    const ack: number[] = [];
    let failures = 0;
    let last = '';
    const deadline = performance.now() + opts.phaseBudgetMs;
    for (let i = 0; i < opts.warmup + opts.samples && performance.now() < deadline; i++) {
      last = `bench ${clients} #${i} ${Math.random().toString(36).slice(2, 8)}`;
      try {
        const [r, a] = await sample(writer, reader, last, opts.sampleTimeoutMs);
        if (i >= opts.warmup) {
          relay.push(r);
          ack.push(a);
        }
      } catch {
        failures++;
      }
      await sleep(opts.gapMs);
    }
    const phaseSeconds = (performance.now() - phaseStart) / 1000;
    const cpuPressure = pressure();
    if (process.env.FACTURO_BENCH_CPU_PROFILE) {
      process.kill(target.serverPid, 'SIGUSR2');
      await sleep(2_000);
    }
    const serverCpu = ((cpuSecondsOf(target.serverPid) - serverBefore) / phaseSeconds) * 100;
    const serverLoopDelay = loopDelayBetween(target.probeFile, phaseStartWall, Date.now());
    let fanOut: RoundTripResult['fanOut'] = null;
    let crowdCpu: number | null = null;
    let crowdDrops: number | null = clients > 2 ? null : 0;
    if (crowd) {
      const checked = await crowdCheck(crowd, last);
      if (checked) fanOut = { matching: checked.matching, total: checked.total };
      if (checked && crowdBefore) {
        crowdCpu = ((checked.cpuSeconds - crowdBefore.cpuSeconds) / phaseSeconds) * 100;
        crowdDrops = checked.drops - crowdBefore.drops;
      }
    }
    const drops = { measured: writer.drops + reader.drops, crowd: crowdDrops };
    return { clients, relay: summarize(relay), ack: summarize(ack), failures, connectSeconds, fanOut, serverCpu, crowdCpu, serverLoopDelay, presence, drops, cpuPressure };
  } finally {
    writer?.destroy();
    reader?.destroy();
    await crowd?.stop();
  }
}

export async function runRoundTrip(opts: RoundTripOptions, log: (s: string) => void): Promise<RoundTripResult[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'facturo-bench-sync-'));
  const { companyId, token } = await prepareCompany(dataDir);
  const probeFile = path.join(dataDir, 'loop-delay.jsonl');
  const probe = path.join(import.meta.dirname, 'serverProbe.ts');
  const server = await startTestServer({
    dataDir,
    env: { FACTURO_BENCH_PROBE_FILE: probeFile, FACTURO_BENCH_CPU_PROFILE: process.env.FACTURO_BENCH_CPU_PROFILE, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx --import ${probe}`.trim() },
  });
  log(`server: child process \`facturo serve\` at ${server.url} (pid of its own), company ${companyId}`);
  const target = { wsUrl: server.url.replace(/^http/, 'ws'), docId: docIds.workspace(companyId), token, serverPid: server.pid, probeFile };
  const results: RoundTripResult[] = [];
  try {
    for (const config of opts.configs) {
      log(`round trip with ${config.clients} clients, presence ${config.presence ? 'on' : 'off'}…`);
      const r = await measureOne(target, config, opts, log);
      log(`  relay p50 ${r.relay.p50.toFixed(1)} ms, p99 ${r.relay.p99.toFixed(1)} ms, max ${r.relay.max.toFixed(1)} ms; ack p99 ${r.ack.p99.toFixed(1)} ms; ${r.failures} timeouts; server CPU ${r.serverCpu.toFixed(0)} %, crowd CPU ${r.crowdCpu?.toFixed(0) ?? '-'} %, fan-out ${r.fanOut ? `${r.fanOut.matching}/${r.fanOut.total}` : '-'}, server loop delay p99 ${r.serverLoopDelay?.p99 ?? '-'} ms max ${r.serverLoopDelay?.max ?? '-'} ms, drops ${r.drops.measured}+${r.drops.crowd ?? '?'}, CPU pressure ${r.cpuPressure.toFixed(0)} %`);
      results.push(r);
    }
  } finally {
    await server.stop();
  }
  return results;
}
