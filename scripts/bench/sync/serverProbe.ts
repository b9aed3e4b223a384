import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/*
 * Preloaded into the benchmark's server process (NODE_OPTIONS=--import), never into a real one: every
 * second it appends the event loop's delay (how late timers and I/O callbacks ran: the server's own
 * work plus the time the OS did not schedule it) to FACTURO_BENCH_PROBE_FILE.
 */
const file = process.env.FACTURO_BENCH_PROBE_FILE;
if (file) {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  setInterval(() => {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    appendFileSync(file, `${JSON.stringify({ t: Date.now(), p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) })}\n`);
    h.reset();
  }, 1000).unref();
}

/*
 * FACTURO_BENCH_CPU_PROFILE=<file>: profile the server from its start; on SIGUSR2 (sent by the
 * benchmark after measuring) the profile is written there, for chrome://inspect or speedscope.
 */
const profileFile = process.env.FACTURO_BENCH_CPU_PROFILE;
if (profileFile) {
  const { Session } = await import('node:inspector');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  session.post('Profiler.enable', () => session.post('Profiler.start'));
  process.on('SIGUSR2', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(profileFile, JSON.stringify(result.profile));
    });
  });
}
