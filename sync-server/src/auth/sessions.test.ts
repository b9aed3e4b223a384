import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db';
import { sessionCookieOptions } from '../api/auth';
import { createSession, endSession, parseCookies, SESSION_IDLE_MS, sessionUser } from './sessions';

async function db() {
  const d = await openDatabase({ libsqlUrl: `file:${path.join(mkdtempSync(path.join(tmpdir(), 'facturo-s-')), 'f.db')}` });
  await d.execute(`INSERT INTO users (id, display_name, created_at) VALUES ('us_1', 'A', '2026-01-01')`);
  return d;
}

describe('sessions', () => {
  it('marks the cookie HttpOnly and SameSite always, Secure only over HTTPS', () => {
    expect(sessionCookieOptions('http://localhost:8787')).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
    expect(sessionCookieOptions('https://facturo.example.fr')).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
  });

  it('expires after inactivity, and each use slides the expiry', async () => {
    const d = await db();
    const t0 = new Date('2026-11-01T00:00:00Z');
    const token = await createSession(d, 'us_1', t0);
    const later = new Date(t0.getTime() + SESSION_IDLE_MS - 1000);
    expect(await sessionUser(d, token, later)).toBe('us_1');
    const evenLater = new Date(later.getTime() + SESSION_IDLE_MS - 1000); // alive only because `later` slid it
    expect(await sessionUser(d, token, evenLater)).toBe('us_1');
    expect(await sessionUser(d, token, new Date(evenLater.getTime() + SESSION_IDLE_MS + 1000))).toBeNull();
  });

  it('stores only a hash of the token and forgets it on sign-out', async () => {
    const d = await db();
    const token = await createSession(d, 'us_1', new Date('2026-11-01T00:00:00Z'));
    const rows = (await d.execute('SELECT id_hash FROM sessions')).rows;
    expect(rows.map((r) => r.id_hash)).not.toContain(token);
    await endSession(d, token);
    expect(await sessionUser(d, token, new Date('2026-11-01T00:01:00Z'))).toBeNull();
  });

  it('parses cookie headers', () => {
    expect(parseCookies('a=1; facturo_session=x%3Dy')).toEqual({ a: '1', facturo_session: 'x=y' });
  });
});
