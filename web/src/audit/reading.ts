import { fr } from '../locales/fr';
import { translate, type Lang, type MessageKey, type Vars } from '../i18n';
import type { RoleInfo } from '../api/types';
import { roleName } from '../auth/roles';

// How the audit trail and the alerts read to people: who acted (a member, an API token, Facturo itself),
// from which device, and when. Pure: the screens pass what they know (members, tokens, roles).

/** What the reader's screen knows to name people and things. */
export interface Reading {
  lang: Lang;
  /** user id → display name, from the company's members. */
  members: ReadonlyMap<string, string>;
  /** token id (tk_…) → its name, when the reader may list the tokens. */
  tokens: ReadonlyMap<string, string>;
  /** The company's roles, to name a custom role. */
  roles: readonly RoleInfo[];
}

export const emptyReading = (lang: Lang): Reading => ({ lang, members: new Map(), tokens: new Map(), roles: [] });

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}

/** The text of a key known only at run time (a field or a kind from the server), or null when the dictionary lacks it. */
export function known(r: Pick<Reading, 'lang'>, key: string, vars?: Vars): string | null {
  return isMessageKey(key) ? translate(r.lang, key, vars) : null;
}

export const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

const systemActors: Record<string, MessageKey> = {
  'system:demo': 'who.demo',
  'system:cli': 'who.cli',
};

/**
 * Who did it, as a name in a sentence: a member's name, « the API token “Sync compta” », Facturo itself.
 * `given` is the server's own name for the actor (the audit routes send one), used when the screen knows no better.
 */
export function actorName(actor: string | null | undefined, r: Reading, given?: string | null): string {
  if (!actor) return translate(r.lang, 'who.facturo');
  if (actor.startsWith('token:')) {
    const name = r.tokens.get(actor.slice(6)) ?? (given?.startsWith('API: ') ? given.slice(5) : null);
    return name ? translate(r.lang, 'who.token', { name }) : translate(r.lang, 'who.someToken');
  }
  if (actor.startsWith('system:') || actor === 'system') return translate(r.lang, systemActors[actor] ?? 'who.facturo');
  // The client answering a quote on the portal (no account).
  if (actor === 'client') return translate(r.lang, 'who.client');
  return r.members.get(actor) ?? given ?? translate(r.lang, 'who.formerMember');
}

/** A role's name as the reader says it (built-in in their language, custom as the company named it). */
export function roleText(role: unknown, r: Reading): string {
  return typeof role === 'string' ? roleName(role, r.roles, r.lang) : translate(r.lang, 'who.unknownRole');
}

const browserNames: Record<string, string> = { SamsungInternet: 'Samsung Internet' };

/** The app names its devices "Chrome_Linux_4f2a9c" (web/src/sync/device.ts): read back as "Chrome sur Linux (4f2a9c)". */
export function deviceText(device: string | null | undefined, r: Pick<Reading, 'lang'>): string | null {
  if (!device) return null;
  const parts = device.split('_');
  if (parts.length !== 3) return device;
  const [browser, system, tag] = parts.map((p) => (p === 'unknown' ? translate(r.lang, 'who.unknownDevicePart') : (browserNames[p] ?? p)));
  return translate(r.lang, 'who.device', { browser: browser ?? '', system: system ?? '', tag: tag ?? '' });
}

/** An instant as people read it, in the device's time zone: "1 déc. 2026, 14:42". */
export function formatInstant(iso: string | null | undefined, l: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(l === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** An IBAN in groups of four, as printed on a RIB. */
export function formatIban(iban: string | null | undefined): string {
  return iban ? iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ') : '';
}

/** Its country and check digits and its last four characters, enough to tell two apart: "FR76…0189". */
export function shortIban(iban: unknown, r: Pick<Reading, 'lang'>): string {
  if (typeof iban !== 'string' || iban.length < 8) return translate(r.lang, 'bank.noIban');
  return `${iban.slice(0, 4)}…${iban.slice(-4)}`;
}
