import type { Alert } from '../api/alerts';
import { translate } from '../i18n';
import { actorName, deviceText, formatInstant, known, shortIban, type Reading } from '../audit/reading';

// Each alert in one sentence an owner reads without help, e.g. « Nouvel appareil pour Sam : Chrome sur
// Android (4f2a9c), depuis 203.0.113.9 ». The details are the server's (sync-server/src/security/alerts.ts).

const text = (v: unknown, fallback = '?') => (typeof v === 'string' || typeof v === 'number' ? String(v) : fallback);

/** The alert as one sentence in the reader's language; a kind this version does not know still reads. */
export function alertSentence(alert: Pick<Alert, 'kind' | 'actor' | 'details'>, r: Reading): string {
  const d = alert.details;
  const who = actorName(alert.actor, r);
  const vars = { who, ip: text(d.ip) };
  switch (alert.kind) {
    case 'bank_change_requested':
      return translate(r.lang, 'alert.bank_change_requested', { ...vars, from: shortIban(d.from, r), to: shortIban(d.to, r) });
    case 'bank_change_approved':
      return translate(r.lang, 'alert.bank_change_approved', { ...vars, from: shortIban(d.from, r), to: shortIban(d.to, r), asker: actorName(typeof d.requestedBy === 'string' ? d.requestedBy : null, r) });
    case 'sign_in_locked':
      return translate(r.lang, 'alert.sign_in_locked', { ...vars, failures: text(d.failures), until: formatInstant(typeof d.until === 'string' ? d.until : null, r.lang) });
    case 'new_device':
      return translate(r.lang, 'alert.new_device', { ...vars, device: deviceText(typeof d.device === 'string' ? d.device : null, r) ?? '?' });
    case 'unusual_place':
      return translate(r.lang, 'alert.unusual_place', vars);
    case 'unusual_hour':
      return translate(r.lang, 'alert.unusual_hour', { ...vars, hour: text(d.hour) });
    case 'mass_deletions':
      return translate(r.lang, 'alert.mass_deletions', { ...vars, records: text(d.records), minutes: text(d.minutes) });
    case 'full_export':
      return translate(r.lang, 'alert.full_export', vars);
    default:
      return known(r, `alert.${String(alert.kind)}`, vars) ?? translate(r.lang, 'alert.other', { who, kind: String(alert.kind) });
  }
}

/** Alerts nobody has marked as seen yet. */
export function unreadCount(alerts: readonly Pick<Alert, 'readAt'>[] | undefined): number {
  return (alerts ?? []).filter((a) => !a.readAt).length;
}
