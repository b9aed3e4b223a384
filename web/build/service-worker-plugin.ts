import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ResolvedConfig } from 'vite';
import { precacheFiles, type PrecacheManifest } from '../src/sw/strategy';

// Builds web/src/sw/service-worker.ts to /sw.js and injects the precache list of the build: index.html,
// every emitted asset and the public files (icons, manifest). The cache name carries a hash of that list,
// so a new build installs a new cache and the old one is dropped on activation.

const here = fileURLToPath(new URL('.', import.meta.url));
const entry = resolve(here, '../src/sw/service-worker.ts');
const placeholder = /(["'`])__FACTURO_PRECACHE__\1/;

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    out = statSync(path).isDirectory() ? [...out, ...filesUnder(path)] : [...out, path];
  }
  return out;
}

export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'facturo:service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: entry, fileName: 'sw.js' });
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const sw = bundle['sw.js'];
        if (!sw || sw.type !== 'chunk') return this.error('sw.js was not built');
        if (sw.imports.length > 0 || /^\s*(import|export)\s/m.test(sw.code)) {
          return this.error(`sw.js must be self-contained (classic worker), but it imports ${sw.imports.join(', ')}`);
        }
        const publicDir = config.publicDir;
        const publicFiles = publicDir && statSync(publicDir, { throwIfNoEntry: false })?.isDirectory()
          ? filesUnder(publicDir).map((f) => relative(publicDir, f).split('\\').join('/'))
          : [];
        const files = precacheFiles([...Object.keys(bundle), ...publicFiles]);
        const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
        const manifest: PrecacheManifest = { version, files };
        if (!placeholder.test(sw.code)) return this.error('precache placeholder not found in sw.js');
        sw.code = sw.code.replace(placeholder, () => JSON.stringify(JSON.stringify(manifest)));
      },
    },
  };
}
