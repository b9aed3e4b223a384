import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './support/server';

/** The server serves web/dist: fail at once, with the fix, rather than in every test. */
export default function globalSetup() {
  const index = path.join(repoRoot, 'web/dist/index.html');
  if (!existsSync(index)) throw new Error(`${index} is missing: run \`npm run build\` before the e2e tests (\`npm test\` does).`);
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`${chromium} is missing: install Debian's chromium (apt-get install chromium); the tests never download a browser.`);
}
