import type { Alert } from '@facturo/core';
import { escapeHtml, render } from './render';

/*
 * The email that tells a company's owners and admins of a security alert (security/alerts.ts), in French
 * then English: the app keeps no language per person yet, and a fraud warning must be read at once.
 */
const what: Record<Alert['kind'], { fr: string; en: string }> = {
  bank_change_requested: { fr: '{{who}} demande à changer le RIB de l’entreprise : {{from}} → {{to}}. Rien ne change tant qu’un second membre autorisé n’a pas validé. Si vous ne l’attendiez pas, refusez la demande.', en: '{{who}} asks to change the company’s bank details: {{from}} → {{to}}. Nothing changes until a second authorised member approves. If you did not expect it, reject the request.' },
  bank_change_approved: { fr: 'Le RIB de l’entreprise a été changé ({{from}} → {{to}}), validé par {{who}}.', en: 'The company’s bank details were changed ({{from}} → {{to}}), approved by {{who}}.' },
  sign_in_locked: { fr: 'La connexion de {{who}} est suspendue après {{failures}} tentatives échouées (depuis {{ip}}).', en: 'Sign-in for {{who}} is locked after {{failures}} failed attempts (from {{ip}}).' },
  new_device: { fr: '{{who}} s’est connecté(e) avec un nouvel appareil ({{device}}) depuis {{ip}}.', en: '{{who}} connected with a new device ({{device}}) from {{ip}}.' },
  unusual_place: { fr: '{{who}} s’est connecté(e) depuis un réseau inhabituel : {{ip}}.', en: '{{who}} connected from an unusual network: {{ip}}.' },
  unusual_hour: { fr: '{{who}} s’est connecté(e) à une heure inhabituelle ({{hour}} h, heure de Paris).', en: '{{who}} connected at an unusual hour ({{hour}}:00, Paris time).' },
  mass_deletions: { fr: '{{who}} a supprimé {{records}} fiches en moins de {{minutes}} minutes.', en: '{{who}} deleted {{records}} records within {{minutes}} minutes.' },
  full_export: { fr: '{{who}} a exporté toutes les données de l’entreprise.', en: '{{who}} exported all of the company’s data.' },
};

const str = (v: unknown) => (v === undefined || v === null ? '—' : String(v));

export function alertEmail(alert: Alert, ctx: { company: string; who: string; link: string }): { subject: string; text: string; html: string } {
  const d = alert.details;
  const data = { who: ctx.who, from: str(d.from), to: str(d.to), failures: str(d.failures), ip: str(d.ip), device: str(d.device), hour: str(d.hour), records: str(d.records), minutes: str(d.minutes) };
  const fr = render(what[alert.kind].fr, data);
  const en = render(what[alert.kind].en, data);
  const subject = `[Facturo] Alerte de sécurité — ${ctx.company} / Security alert`;
  const text = `${ctx.company}\n\n${fr}\n\nVoir les alertes : ${ctx.link}\n\n—\n\n${en}\n\nSee the alerts: ${ctx.link}\n`;
  return { subject, text, html: `<div style="font-family:sans-serif;white-space:pre-wrap">${escapeHtml(text)}</div>` };
}

/** The email that tells a person their own sign-in was locked after failed attempts (French then English). */
export function lockedEmail(ctx: { name: string; failures: number; ip: string; until: string; link: string }): { subject: string; text: string; html: string } {
  const data = { ...ctx, failures: String(ctx.failures) };
  const fr = render('Bonjour {{name}},\n\nLa connexion à votre compte Facturo est suspendue jusqu’à {{until}} (UTC) après {{failures}} tentatives échouées, la dernière depuis {{ip}}.\nSi ce n’était pas vous, quelqu’un essaie d’entrer dans votre compte : gardez vos clés d’accès pour vous, et prévenez le propriétaire de votre entreprise. Vos données ne sont pas en cause.\n\n{{link}}', data);
  const en = render('Hello {{name}},\n\nSign-in to your Facturo account is locked until {{until}} (UTC) after {{failures}} failed attempts, the last from {{ip}}.\nIf it was not you, someone is trying to get into your account: keep your passkeys to yourself and tell your company’s owner. Your data is not affected.\n\n{{link}}', data);
  const text = `${fr}\n\n—\n\n${en}\n`;
  return { subject: '[Facturo] Connexion suspendue / Sign-in locked', text, html: `<div style="font-family:sans-serif;white-space:pre-wrap">${escapeHtml(text)}</div>` };
}
