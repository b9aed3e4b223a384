#!/usr/bin/env node
// `npm start`: install what is missing, build the PWA, load the demo company, start the sync server.
// Plain Node on purpose: it must run on a fresh clone before any dependency is installed.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
  return r;
};

const stale = () => {
  if (!existsSync('node_modules/.package-lock.json')) return true;
  return statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs;
};

if (stale()) {
  // npm install, not npm ci: vite 8 names an optional Windows-only package the registry does not serve.
  console.log('▸ Installing dependencies…');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

console.log('▸ Building the web app…');
run('npx', ['vite', 'build', '--logLevel', 'warn']);

const port = process.env.PORT ?? '8787';
const env = { ...process.env, PORT: port };
console.log('▸ Preparing the demo company…');
const demo = spawnSync('node', ['sync-server/bin/facturo.mjs', 'demo'], { env, encoding: 'utf8' });
if (demo.status !== 0) {
  console.error(demo.stderr);
  process.exit(demo.status ?? 1);
}
const link = demo.stdout.trim().split('\n').at(-1);

const server = spawn('node', ['sync-server/bin/facturo.mjs', 'serve', '--port', port], { env, stdio: ['ignore', 'pipe', 'inherit'] });
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (String(chunk).includes('running at')) {
    console.log(`
  ┌──────────────────────────────────────────────────────────────────────────────
  │ Facturo is ready: http://localhost:${port}
  │
  │ First time? Open this one-time link to register a passkey and become the owner
  │ of the demo company "Studio Boréal" (valid 7 days, works once):
  │   ${link}
  │
  │ Already registered? Open http://localhost:${port} and choose "Sign in with a passkey".
  │ A new link any time: npx facturo invite --company demo --role owner
  └──────────────────────────────────────────────────────────────────────────────
`);
  }
});
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
