import { awaitingDecision, dueActions, QuoteSettings, type DueAction } from '@facturo/core';
import { workspaceOf } from '../commands/run';
import { readCustomer } from '../customers/records';
import { doneKeys, registerJob, type DueStep, type Job } from '../jobs';
import { sendThrough } from '../mail';
import { customerMailbox } from './client-mail';
import { notify } from '../notifications';
import type { Services } from '../services';
import { createPortalLink } from './portal-links';
import { applyQuoteEvent, directoryOf, readQuote, type QuoteRecord } from './state';

/*
 * Automation of quotes (issue 6; ARCHITECTURE invariants 6 and 8): approver reminders, client follow-ups
 * (D+3, D+7, two days before expiry by default: the company's followUpPolicy) and expiry, as core's
 * dueActions(state, now, policy, done) says, each step once under its natural key in job_runs. A follow-up
 * stops as soon as the client answers (dueActions reads answeredAt). A step is a command, never a rule:
 * the rules are core's.
 */

export const QUOTE_FOLLOW_UPS = 'quote-follow-ups';

export interface FollowUpStep extends DueStep {
  quoteId: string;
  action: DueAction;
}

/** Statuses in which something may still be due. */
const live = ['pending_approval', 'approved', 'sent', 'viewed'] as const;

/** A step that cannot be done and never will be (no address, no SMTP): recorded as such, not retried. */
export class SkippedStep extends Error {
  constructor(reason: string) {
    super(`skipped: ${reason}`);
    this.name = 'SkippedStep';
  }
}

async function due(s: Services, now: Date): Promise<FollowUpStep[]> {
  const rs = await s.db.execute({ sql: `SELECT company_id, id FROM quotes WHERE status IN (${live.map(() => '?').join(', ')}) ORDER BY company_id, id`, args: [...live] });
  const byCompany = new Map<string, string[]>();
  for (const r of rs.rows) byCompany.set(String(r.company_id), [...(byCompany.get(String(r.company_id)) ?? []), String(r.id)]);
  const steps: FollowUpStep[] = [];
  for (const [companyId, ids] of byCompany) {
    const policy = new QuoteSettings((await workspaceOf(s, companyId)).ws.doc).readFollowUpPolicy();
    const done = await doneKeys(s, companyId, QUOTE_FOLLOW_UPS);
    for (const id of ids) {
      const record = await readQuote(s, companyId, id);
      if (!record) continue;
      for (const action of dueActions(record.state, now.toISOString(), policy, done)) {
        // Notifying again is harmless (dedupe key) and so is expiring (a transition); an email is not.
        steps.push({ companyId, key: action.key, quoteId: id, action, retryable: action.kind !== 'follow_up_client' });
      }
    }
  }
  return steps;
}

const nameOf = (r: QuoteRecord) => r.number ?? r.id;
const linkOf = (r: QuoteRecord) => `/c/${r.companyId}/quotes/${r.id}`;
const frenchDay = (day: string) => day.split('-').reverse().join('/');

async function remindApprovers(s: Services, r: QuoteRecord, step: FollowUpStep, run: number, now: Date) {
  const { ws } = await workspaceOf(s, r.companyId);
  const awaiting = awaitingDecision(r.state, await directoryOf(s, r.companyId, ws), now.toISOString());
  if (!awaiting || awaiting.run !== run) return;
  await notify(s, {
    companyId: r.companyId, userIds: awaiting.approvers.flatMap((a) => a.notify), kind: 'quote.approval_reminder', subjectId: r.id,
    dedupeKey: step.key, link: linkOf(r),
    title: { fr: `Rappel : le devis ${nameOf(r)} attend votre décision`, en: `Reminder: quote ${nameOf(r)} awaits your decision` },
    body: { fr: 'Ce devis attend toujours votre approbation.', en: 'This quote is still waiting for your approval.' },
  });
}

function followUpEmail(o: { lang: 'fr' | 'en'; number: string; validUntil: string; url: string; seller: string; beforeExpiry: boolean }) {
  if (o.lang === 'en') {
    return {
      subject: o.beforeExpiry ? `Our quote ${o.number} expires on ${o.validUntil}` : `Following up on our quote ${o.number}`,
      text: `Hello,\n\n${o.beforeExpiry ? `Our quote ${o.number} holds until ${o.validUntil}.` : `We are following up on our quote ${o.number}, valid until ${o.validUntil}.`}\nYou can read it, choose the options and accept it online:\n${o.url}\n\n${o.seller}\n`,
    };
  }
  const day = frenchDay(o.validUntil);
  return {
    subject: o.beforeExpiry ? `Notre devis ${o.number} expire le ${day}` : `Notre devis ${o.number}`,
    text: `Bonjour,\n\n${o.beforeExpiry ? `Notre devis ${o.number} est valable jusqu’au ${day}.` : `Nous revenons vers vous au sujet de notre devis ${o.number}, valable jusqu’au ${day}.`}\nVous pouvez le consulter, choisir les options et l’accepter en ligne :\n${o.url}\n\n${o.seller}\n`,
  };
}

/**
 * Emails the client the portal link again. Only a token's hash is kept, so a live link cannot be handed out
 * twice: each follow-up carries a new link (the earlier ones keep working until they expire).
 */
async function followUpClient(s: Services, r: QuoteRecord, step: FollowUpStep) {
  if ((r.status !== 'sent' && r.status !== 'viewed') || r.state.answeredAt) return;
  const customer = r.customerId ? await readCustomer(s, r.companyId, r.customerId) : undefined;
  const box = await customerMailbox(s, r.companyId, customer);
  if ('missing' in box) {
    const missing = box.missing === 'no_email' ? 'the customer has no email address' : 'the company has no SMTP server set up';
    await notify(s, {
      companyId: r.companyId, userIds: [r.authorId], kind: 'quote.follow_up_not_sent', subjectId: r.id, dedupeKey: step.key, link: linkOf(r),
      title: { fr: `Relance du devis ${nameOf(r)} non envoyée`, en: `Follow-up of quote ${nameOf(r)} not sent` },
      body: {
        fr: `La relance prévue n’a pas pu partir (${box.missing === 'no_smtp' ? 'aucun serveur SMTP configuré' : 'le client n’a pas d’adresse e-mail'}) : relancez le client vous-même.`,
        en: `The scheduled follow-up could not go (${missing}): follow up with the client yourself.`,
      },
    });
    throw new SkippedStep(missing);
  }
  const { ws } = await workspaceOf(s, r.companyId);
  const { portalLinkDays } = new QuoteSettings(ws.doc).readDefaults();
  const link = await createPortalLink(s, s.db, { companyId: r.companyId, quoteId: r.id, version: r.version, by: 'system', days: portalLinkDays });
  const settings = ws.readSettings();
  const mail = followUpEmail({
    lang: box.lang, number: nameOf(r), validUntil: r.validUntil, url: link.url,
    seller: settings.tradeName ?? settings.legalName ?? '', beforeExpiry: step.action.kind === 'follow_up_client' && step.action.followUp.startsWith('expiry'),
  });
  await sendThrough(box.smtp, { to: box.to, subject: mail.subject, text: mail.text });
}

async function expire(s: Services, r: QuoteRecord, step: FollowUpStep) {
  const { record, changed } = await applyQuoteEvent(s, { companyId: r.companyId, by: 'system' }, r.id, {
    event: (current) => (['approved', 'sent', 'viewed'].includes(current.status) ? { type: 'expire' } : null),
  });
  if (!changed) return;
  await notify(s, {
    companyId: r.companyId, userIds: [record.authorId], kind: 'quote.expired', subjectId: r.id, dedupeKey: step.key, link: linkOf(record),
    title: { fr: `Devis ${nameOf(record)} expiré`, en: `Quote ${nameOf(record)} expired` },
    body: { fr: `Le devis était valable jusqu’au ${frenchDay(record.validUntil)} : révisez-le pour le proposer à nouveau.`, en: `The quote held until ${record.validUntil}: revise it to offer it again.` },
  });
}

export const quoteFollowUps: Job<FollowUpStep> = {
  name: QUOTE_FOLLOW_UPS,
  // Reminders count in hours and follow-ups in days: asking every ten minutes is soon enough.
  everyMs: 10 * 60_000,
  due,
  async run(s, step, now) {
    const record = await readQuote(s, step.companyId, step.quoteId);
    if (!record || record.version !== step.action.version) return;
    if (step.action.kind === 'remind_approvers') await remindApprovers(s, record, step, step.action.run, now);
    else if (step.action.kind === 'follow_up_client') await followUpClient(s, record, step);
    else await expire(s, record, step);
  },
};

registerJob(quoteFollowUps);
