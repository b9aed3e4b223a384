import type { AlertKind } from '../api/alerts';
import type { AuditEvent } from '../api/audit';
import { translate, formatDay, type MessageKey } from '../i18n';
import { alertSentence } from '../security/alerts';
import { actorName, deviceText, formatInstant, roleText, upperFirst, type Reading } from './reading';
import { breakReason } from './integrity';

// The company's audit events in one sentence each: sign-ins and connections, members and roles, API
// tokens, bank details, the audit log's integrity, writes the server refused, issued invoices… The types
// are the server's (recordEvent and the log's command entries); an unknown one is still shown, plainly.

/** What an event is about, for the badge beside it. */
export type EventTopic = 'access' | 'members' | 'tokens' | 'bank' | 'integrity' | 'refused' | 'invoices' | 'quotes' | 'settings' | 'other';

export interface EventLine {
  topic: EventTopic;
  sentence: string;
  /** Set for events that deserve attention (alerts, refusals, breaks). */
  warning: boolean;
}

type Fields = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const fieldsOf = (e: unknown): Fields => (typeof e === 'object' && e !== null ? (e as Fields) : {});

/** Permissions as the roles page names them, listed: « modifier les clients et émettre des factures ». */
function permissionList(v: unknown, r: Reading): string {
  const list = Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string') : [];
  const names = list.map((p) => {
    const key = `permission.${p}` as MessageKey;
    return translate(r.lang, key).toLocaleLowerCase(r.lang);
  });
  return new Intl.ListFormat(r.lang, { type: 'conjunction' }).format(names);
}

const topics: Record<string, EventTopic> = {
  connected: 'access', signed_in: 'access', sign_in_locked: 'access', session_ended: 'access', other_sessions_ended: 'access',
  company_created: 'settings', smtp_settings_changed: 'settings', security_policy_changed: 'settings',
  member_joined: 'members', member_role_changed: 'members', member_removed: 'members', invitation_created: 'members',
  role_created: 'members', role_changed: 'members', role_deleted: 'members',
  token_created: 'tokens', token_revoked: 'tokens',
  bank_change_rejected: 'bank', bank_change_withdrawn: 'bank',
  integrity_acknowledged: 'integrity',
  write_refused: 'refused', read_only_write_dropped: 'refused', update_after_issue_refused: 'refused', update_to_locked_quote_refused: 'refused',
  document_issued: 'invoices', document_sent: 'invoices', document_archived: 'invoices',
  customer_erased: 'other', customer_exported: 'other',
  quote_submit: 'quotes', quote_withdraw: 'quotes', quote_decide: 'quotes', quote_send: 'quotes', quote_view: 'quotes',
  quote_accept: 'quotes', quote_decline: 'quotes', quote_expire: 'quotes', quote_revise: 'quotes', quote_emailed: 'quotes',
  quote_acceptance_emailed: 'quotes',
};

const alertTopic = (kind: unknown): EventTopic => (typeof kind === 'string' && kind.startsWith('bank_change') ? 'bank' : 'access');

/** The sentence's variables for each known type (`who` is always there). */
function sentenceVars(type: string, e: Fields, r: Reading): Record<string, string> | null {
  switch (type) {
    case 'connected':
      return { ip: str(e.ip) || '?', device: deviceText(str(e.device), r) ?? translate(r.lang, 'event.unknownDevice') };
    case 'sign_in_locked':
      return { member: actorName(str(e.userId) || null, r), failures: str(e.failures), ip: str(e.ip), until: formatInstant(str(e.until), r.lang) };
    case 'company_created':
    case 'role_created':
    case 'role_changed':
      return { name: str(e.name), permissions: permissionList(e.permissions, r) };
    case 'member_joined':
    case 'invitation_created':
      return { role: roleText(e.role, r) };
    case 'member_role_changed':
      return { member: actorName(str(e.member) || null, r), before: roleText(e.before, r), after: roleText(e.after, r) };
    case 'member_removed':
      return { member: actorName(str(e.member) || null, r), role: roleText(e.role, r) };
    case 'role_deleted':
      // The role is gone: the name the event carries says which it was.
      return { role: typeof e.name === 'string' && typeof e.role === 'string' && !r.roles.some((x) => x.id === e.role) ? e.name : roleText(e.role, r) };
    case 'token_created':
      return {
        token: actorName(`token:${str(e.token)}`, r, typeof e.name === 'string' ? `API: ${e.name}` : null),
        role: roleText(e.role, r),
        expiry: typeof e.expiresAt === 'string' ? translate(r.lang, 'event.expiresOn', { date: formatDay(e.expiresAt.slice(0, 10), r.lang) }) : translate(r.lang, 'event.neverExpires'),
      };
    case 'token_revoked':
      return { token: actorName(`token:${str(e.token)}`, r, typeof e.name === 'string' ? `API: ${e.name}` : null) };
    case 'bank_change_rejected':
      return { reason: str(e.reason) };
    case 'bank_change_withdrawn':
    case 'read_only_write_dropped':
      return {};
    case 'integrity_acknowledged':
      return { entry: str(e.companySeq), reason: breakReason(str(e.reason), r.lang), note: str(e.note) };
    case 'write_refused':
      return { missing: permissionList(e.missing, r) || '?' };
    case 'update_after_issue_refused':
      return { number: str(e.number) };
    case 'update_to_locked_quote_refused':
      return { quote: str(e.quote), status: translate(r.lang, `quoteStatus.${str(e.status)}` as MessageKey) };
    case 'document_issued':
      return { number: str(e.number), what: translate(r.lang, e.kind === 'credit_note' ? 'event.creditNote' : 'event.invoice') };
    case 'document_sent':
      return { number: str(e.number), to: str(e.to) };
    case 'document_archived':
      return { number: str(e.number), pdf: str(e.pdf).slice(0, 12) };
    case 'customer_erased':
      return { customer: str(e.customer), reason: str(e.reason) };
    case 'customer_exported':
      return { customer: str(e.customer), documents: str(e.documents) };
    case 'smtp_settings_changed':
      return { host: str(e.host) };
    case 'quote_decide':
      return {
        quote: str(e.number) || `v${str(e.version) || '1'}`, step: str(e.step) || '?',
        decision: translate(r.lang, `event.quoteDecision.${str(e.decision) || 'approve'}` as MessageKey),
      };
    case 'quote_submit':
    case 'quote_withdraw':
    case 'quote_send':
    case 'quote_view':
    case 'quote_accept':
    case 'quote_decline':
    case 'quote_expire':
    case 'quote_revise':
      // A quote is named by its number once sent, else by its version.
      return { quote: str(e.number) || `v${str(e.version) || '1'}`, version: str(e.version) || '1', status: translate(r.lang, `quoteStatus.${str(e.status)}` as MessageKey) };
    case 'quote_emailed':
    case 'quote_acceptance_emailed':
      return { quote: str(e.number) || str(e.quoteId), version: str(e.version) || '1' };
    case 'security_policy_changed':
      return { policy: translate(r.lang, e.requireBackupFactor === true ? 'event.backupRequired' : 'event.backupOptional') };
    default:
      return null;
  }
}

/** "amount: 12, to: a@b.fr" — the fields of an event this version cannot put in words. */
function plainFields(e: Fields): string {
  return Object.entries(e)
    .filter(([k, v]) => k !== 'type' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'))
    .slice(0, 4)
    .map(([k, v]) => `${k} : ${String(v)}`)
    .join(', ');
}

/** One event of the trail in words. */
export function eventLine(item: Pick<AuditEvent, 'actor' | 'actorName' | 'event'>, r: Reading): EventLine {
  const e = fieldsOf(item.event);
  const type = str(e.type);
  const who = actorName(item.actor, r, item.actorName);
  if (type === 'alert') {
    const sentence = alertSentence({ kind: str(e.kind) as AlertKind, actor: item.actor, details: e }, r);
    return { topic: alertTopic(e.kind), sentence, warning: true };
  }
  const vars = sentenceVars(type, e, r);
  if (vars) {
    const sentence = upperFirst(translate(r.lang, `event.${type}` as MessageKey, { who, ...vars }));
    return { topic: topics[type] ?? 'other', sentence, warning: topics[type] === 'refused' || type === 'sign_in_locked' || type === 'integrity_acknowledged' };
  }
  const details = plainFields(e);
  const sentence = upperFirst(translate(r.lang, details ? 'event.otherWithDetails' : 'event.other', { who, type: type || '?', details }));
  return { topic: 'other', sentence, warning: false };
}
