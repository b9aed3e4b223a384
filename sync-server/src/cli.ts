import { loadConfig } from './config';
import { createServices, recordEvent } from './services';
import { openDatabase } from './db';
import { rotateMasterKey } from './log/keys';
import { startServer } from './server';
import { ensureDemo } from './demo';
import { verifyLog } from './log';
import { companyBySlug, createApiToken, createInvitation } from './companies';

/*
 * The `facturo` command (ARCHITECTURE "Contracts"):
 *   facturo serve [--port N] | demo | invite --company SLUG --role ROLE
 *   facturo token create --company SLUG --role ROLE [--name NAME] [--scopes P1,P2] [--days N]   (last line: the token only)
 *   facturo audit verify
 *   facturo keys rotate-master            (server stopped; with FACTURO_MASTER_KEY, prints the new key to set)
 *   facturo keys rotate --company SLUG    (a new data key for the company's next entries; older ones stay readable)
 */
function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** An operator's event in the '_system' chain (nothing company-specific). */
async function recordEventIn(config: ReturnType<typeof loadConfig>, event: Record<string, unknown>) {
  const s = await createServices(config);
  await recordEvent(s, '_system', 'system:cli', event);
  await s.log.close();
  s.db.close();
}

function fail(message: string): never {
  console.error(`facturo: ${message}`);
  process.exit(2);
}

async function main(argv: string[]) {
  const [command, sub, ...rest] = argv;
  const args = [sub ?? '', ...rest];
  const portFlag = flag(args, 'port');
  const config = loadConfig(process.env, portFlag !== undefined ? { port: Number(portFlag) } : {});

  switch (command) {
    case 'serve': {
      const running = await startServer(config);
      console.log(`Facturo is running at ${running.url}  (data: ${config.dataDir})`);
      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return;
    }
    case 'demo': {
      const s = await createServices(config);
      const demo = await ensureDemo(s);
      console.log(demo.created ? 'Demo company "Studio Boréal" (slug demo) created.' : 'Demo company (slug demo) already exists; its data is unchanged.');
      console.log('Open this one-time link to register a passkey and become its owner (valid 7 days):');
      console.log(demo.inviteUrl);
      s.db.close();
      return;
    }
    case 'invite': {
      const s = await createServices(config);
      const company = await companyBySlug(s.db, flag(args, 'company') ?? fail('--company SLUG is required'));
      if (!company) fail('no such company');
      const inv = await createInvitation(s.db, company.id, flag(args, 'role') ?? 'viewer', null, s.now());
      console.log(`${config.origins[0]}${inv.url}`);
      s.db.close();
      return;
    }
    case 'token': {
      if (sub !== 'create') fail('usage: facturo token create --company SLUG --role ROLE [--name NAME] [--scopes PERMISSION,…] [--days N]');
      const s = await createServices(config);
      const company = await companyBySlug(s.db, flag(args, 'company') ?? fail('--company SLUG is required'));
      if (!company) fail('no such company');
      const scopes = flag(args, 'scopes')?.split(',').map((x) => x.trim()).filter(Boolean);
      const days = flag(args, 'days');
      const { token } = await createApiToken(s.db, company.id, flag(args, 'role') ?? fail('--role is required'), flag(args, 'name') ?? 'CLI token', s.now(), {
        scopes, expiresInDays: days === undefined ? undefined : Number(days), createdBy: 'system:cli',
      });
      console.log(token);
      s.db.close();
      return;
    }
    case 'keys': {
      if (sub === 'rotate-master') {
        const db = await openDatabase(config);
        const r = await rotateMasterKey(db, config.dataDir);
        await recordEventIn(config, { type: 'master_key_rotated', fingerprint: r.fingerprint, rewrapped: r.rewrapped });
        db.close();
        if (r.newKey) {
          console.log(`Master key rotated: ${r.rewrapped} data key${r.rewrapped === 1 ? '' : 's'} re-wrapped (fingerprint ${r.fingerprint}).`);
          console.log('Set FACTURO_MASTER_KEY to this new key before starting the server again (the old one no longer works):');
          console.log(r.newKey);
        } else console.log(`Master key rotated: ${r.rewrapped} data key${r.rewrapped === 1 ? '' : 's'} re-wrapped; ${config.dataDir}/master.key replaced (fingerprint ${r.fingerprint}). Keep a copy of it with your backups.`);
        return;
      }
      if (sub === 'rotate') {
        const s = await createServices(config);
        const company = await companyBySlug(s.db, flag(args, 'company') ?? fail('--company SLUG is required'));
        if (!company) fail('no such company');
        const dk = await s.keys.rotate(company.id);
        await recordEvent(s, company.id, 'system:cli', { type: 'data_key_rotated', keyId: dk.keyId });
        await s.log.close();
        s.db.close();
        console.log(`New data key ${dk.keyId} for ${company.name}: new entries are sealed with it (restart a running server to use it).`);
        return;
      }
      return fail('usage: facturo keys rotate-master | facturo keys rotate --company SLUG');
    }
    case 'audit': {
      if (sub !== 'verify') fail('usage: facturo audit verify');
      const s = await createServices(config);
      const report = await verifyLog(s.db);
      s.db.close();
      if (report.broken) {
        const b = report.broken;
        console.error(`BROKEN: company ${b.companyId}, entry ${b.companySeq} (log seq ${b.seq}): ${b.reason}`);
        process.exit(1);
      }
      console.log(`OK: ${report.entries} entries (${report.rows} log rows) in ${report.companies} chains verified, no broken link.`);
      return;
    }
    default:
      fail(`unknown command "${command ?? ''}". Commands: serve [--port N], demo, invite, token create, audit verify, keys rotate-master, keys rotate`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`facturo: ${(error as Error).message}`);
  process.exit(1);
});
