import type { Client } from '@libsql/client';
import type { Config } from './config';
import { openDatabase } from './db';
import { KeyRing, Log } from './log';
import { openMasterKey } from './log/keys';
import { IntegrityChecks } from './log/integrity';
import { RoomRegistry } from './sync/rooms';
import { Archiver } from './documents';

/** What every route, command and job is given: no module reaches for globals. */
export interface Services {
  config: Config;
  db: Client;
  keys: KeyRing;
  log: Log;
  /** The documents held in memory (shared by sync peers, commands and the API). */
  rooms: RoomRegistry;
  /** Which companies' hash chains are broken (they are not served until an owner acknowledges it). */
  integrity: IntegrityChecks;
  /** The injected clock (invariant 8). */
  now: () => Date;
  /** Issued documents' Factur-X PDF, CII and UBL, archived in the background (started by startServer). */
  archiver: Archiver;
}

export async function createServices(config: Config, now: () => Date = () => new Date()): Promise<Services> {
  const db = await openDatabase(config);
  const keys = new KeyRing(db, await openMasterKey(db, config.dataDir));
  const log = new Log(db, keys, now);
  const services: Services = { config, db, keys, log, rooms: new RoomRegistry(log), integrity: new IntegrityChecks(db, now), now, archiver: new Archiver(() => services) };
  return services;
}

/** Security and audit events go to the company's chain ('_system' for events outside any company). */
export async function recordEvent(s: Services, companyId: string, actor: string | null, event: Record<string, unknown>) {
  await s.log.append({ companyId, kind: 'event', actor, payload: new TextEncoder().encode(JSON.stringify(event)) });
}
