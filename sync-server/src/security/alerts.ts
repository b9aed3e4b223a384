import type { Alert, AlertKind } from '@facturo/core';
import type { SmtpSettings } from '@facturo/core';
import { alertEmail, lockedEmail } from '@facturo/templates';
import { rolePermissions } from '../companies/roles';
import { getSecret } from '../companies/secrets';
import { newId } from '../ids';
import { sendThrough } from '../mail';
import { recordEvent, type Services } from '../services';
import { addressBucket } from './client-ip';

/*
 * Anomaly alerts for a company's owners and admins: what often comes before a fraud (a change of bank
 * details, a new device, a place or an hour unusual for that member, many deletions at once, an export
 * of everything, repeated failed sign-ins). Each alert is a row the app lists (and marks read) and an
 * event in the hash-chained log.
 */

export type { Alert, AlertKind };

export async function raiseAlert(s: Services, companyId: string, kind: AlertKind, actor: string | null, details: Record<string, unknown>): Promise<Alert> {
  const alert: Alert = { id: newId('al'), kind, actor, details, createdAt: s.now().toISOString(), readBy: null, readAt: null };
  await s.db.execute({
    sql: 'INSERT INTO alerts (id, company_id, kind, actor, details, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    args: [alert.id, companyId, kind, actor, JSON.stringify(details), alert.createdAt],
  });
  await recordEvent(s, companyId, actor, { type: 'alert', alert: alert.id, kind, ...details });
  // By email too, without holding up what raised it; the app shows it either way.
  void mailAlert(s, companyId, alert).catch((e: unknown) => console.error(`alert ${alert.id}: not emailed: ${(e as Error).message}`));
  return alert;
}

/** Alert emails being sent (a test waits for them before it reads the log). */
export const alertMail = { pending: new Set<Promise<unknown>>() };

/**
 * Emails an alert to the members who manage the company (members.manage) and gave an address, through the
 * company's own SMTP server; without one, the alert stays in the app. Records who was told.
 */
export async function mailAlert(s: Services, companyId: string, alert: Alert): Promise<number> {
  const work = (async () => {
    const smtp = await getSecret<SmtpSettings>(s, companyId, 'smtp');
    if (!smtp) return 0;
    const rows = (await s.db.execute({
      sql: `SELECT u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.company_id = ? AND u.email IS NOT NULL`,
      args: [companyId],
    })).rows;
    const to: string[] = [];
    for (const r of rows) if ((await rolePermissions(s.db, companyId, String(r.role))).has('members.manage')) to.push(String(r.email));
    if (to.length === 0) return 0;
    const company = (await s.db.execute({ sql: 'SELECT name FROM companies WHERE id = ?', args: [companyId] })).rows[0];
    const who = alert.actor ? (await s.db.execute({ sql: 'SELECT display_name FROM users WHERE id = ?', args: [alert.actor] })).rows[0] : undefined;
    const mail = alertEmail(alert, {
      company: String(company?.name ?? companyId), who: who ? String(who.display_name) : (alert.actor ?? 'Facturo'),
      link: `${s.config.origins[0]}/c/${companyId}/alerts`,
    });
    await sendThrough(smtp, { bcc: to, subject: mail.subject, text: mail.text, html: mail.html });
    await recordEvent(s, companyId, 'system:alerts', { type: 'alert_emailed', alert: alert.id, recipients: to.length });
    return to.length;
  })();
  alertMail.pending.add(work);
  try {
    return await work;
  } finally {
    alertMail.pending.delete(work);
  }
}

export async function alertsOf(s: Services, companyId: string, limit = 200): Promise<Alert[]> {
  const rs = await s.db.execute({ sql: 'SELECT * FROM alerts WHERE company_id = ? ORDER BY created_at DESC, id DESC LIMIT ?', args: [companyId, limit] });
  return rs.rows.map((r) => ({
    id: String(r.id), kind: String(r.kind) as AlertKind, actor: (r.actor as string | null) ?? null, details: JSON.parse(String(r.details)) as Record<string, unknown>,
    createdAt: String(r.created_at), readBy: (r.read_by as string | null) ?? null, readAt: (r.read_at as string | null) ?? null,
  }));
}

export async function markAlertRead(s: Services, companyId: string, id: string, by: string): Promise<boolean> {
  const rs = await s.db.execute({ sql: 'UPDATE alerts SET read_by = COALESCE(read_by, ?), read_at = COALESCE(read_at, ?) WHERE company_id = ? AND id = ?', args: [by, s.now().toISOString(), companyId, id] });
  return rs.rowsAffected > 0;
}

/** The network an address belongs to, for "a place unusual for this member": an IPv4 /24, an IPv6 /64. */
export function networkOf(ip: string): string {
  const bucket = addressBucket(ip);
  const v4 = /^(\d+\.\d+\.\d+)\.\d+$/.exec(bucket);
  return v4 ? `${v4[1]}.0/24` : bucket;
}

/** Connections a member needs before an hour of theirs can be called unusual. */
export const HOURS_LEARNED_AFTER = 20;

/**
 * A member's device has connected from an address at some time: alerts when the device is new for them,
 * when the network is new for them, or when the hour is one they never work at (once they have a
 * history); then learns it. The very first connection of a member teaches and alerts nothing.
 */
export async function noteHabits(s: Services, companyId: string, userId: string, device: string | null, ip: string, at: Date, timeZone = 'Europe/Paris') {
  if (userId.startsWith('token:')) return;
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(at));
  const network = networkOf(ip);
  const habits = (await s.db.execute({ sql: 'SELECT kind, value, seen FROM member_habits WHERE company_id = ? AND user_id = ?', args: [companyId, userId] })).rows
    .map((r) => ({ kind: String(r.kind), value: String(r.value), seen: Number(r.seen) }));
  const known = (kind: string, value: string) => habits.some((h) => h.kind === kind && h.value === value);
  if (habits.length > 0) {
    if (device && !known('device', device)) await raiseAlert(s, companyId, 'new_device', userId, { device, ip });
    if (!known('network', network)) await raiseAlert(s, companyId, 'unusual_place', userId, { ip, network });
    const hours = habits.filter((h) => h.kind === 'hour');
    const total = hours.reduce((n, h) => n + h.seen, 0);
    const near = [hour, (hour + 23) % 24, (hour + 1) % 24].some((h) => known('hour', String(h)));
    if (total >= HOURS_LEARNED_AFTER && !near) await raiseAlert(s, companyId, 'unusual_hour', userId, { hour, timeZone, ip });
  }
  const now = at.toISOString();
  for (const [kind, value] of [['device', device], ['network', network], ['hour', String(hour)]] as const) {
    if (value === null) continue;
    await s.db.execute({
      sql: `INSERT INTO member_habits (company_id, user_id, kind, value, seen, first_seen, last_seen) VALUES (?, ?, ?, ?, 1, ?, ?)
            ON CONFLICT (company_id, user_id, kind, value) DO UPDATE SET seen = seen + 1, last_seen = excluded.last_seen`,
      args: [companyId, userId, kind, value, now, now],
    });
  }
}

/** Deleting more records than this within DELETION_WINDOW_MS raises one alert per window. */
export const MASS_DELETIONS = 20;
export const DELETION_WINDOW_MS = 10 * 60 * 1000;

/** Counts records deleted by a member (sliding window, in memory) and alerts once past the threshold. */
export class DeletionWatch {
  private recent = new Map<string, { at: number[]; alerted: number }>();

  constructor(private readonly s: Services) {}

  async deleted(companyId: string, userId: string, records: number, where: string): Promise<void> {
    if (records <= 0) return;
    const now = this.s.now().getTime();
    const key = `${companyId}|${userId}`;
    const w = this.recent.get(key) ?? { at: [], alerted: 0 };
    for (let i = 0; i < records; i++) w.at.push(now);
    w.at = w.at.filter((t) => now - t < DELETION_WINDOW_MS);
    this.recent.set(key, w);
    if (this.recent.size > 10_000) this.recent.clear();
    if (w.at.length > MASS_DELETIONS && now - w.alerted >= DELETION_WINDOW_MS) {
      w.alerted = now;
      await raiseAlert(this.s, companyId, 'mass_deletions', userId, { records: w.at.length, minutes: DELETION_WINDOW_MS / 60_000, where });
    }
  }
}

/**
 * Tells a person, at their own address, that their sign-in was locked: through the SMTP server of one of
 * their companies (the first that has one). Without an address or a server, the alert to the owners stays.
 */
export async function mailLockedUser(s: Services, userId: string, lock: { failures: number; ip: string; until: Date }): Promise<boolean> {
  const user = (await s.db.execute({ sql: 'SELECT display_name, email FROM users WHERE id = ?', args: [userId] })).rows[0];
  if (!user?.email) return false;
  const companies = (await s.db.execute({ sql: 'SELECT company_id FROM memberships WHERE user_id = ? ORDER BY joined_at', args: [userId] })).rows.map((r) => String(r.company_id));
  for (const companyId of companies) {
    const smtp = await getSecret<SmtpSettings>(s, companyId, 'smtp');
    if (!smtp) continue;
    const mail = lockedEmail({ name: String(user.display_name), failures: lock.failures, ip: lock.ip, until: lock.until.toISOString().slice(0, 16).replace('T', ' '), link: s.config.origins[0]! });
    await sendThrough(smtp, { to: String(user.email), subject: mail.subject, text: mail.text, html: mail.html });
    await recordEvent(s, companyId, 'system:alerts', { type: 'lock_emailed', userId });
    return true;
  }
  return false;
}
