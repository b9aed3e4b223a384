import { addDays, addMonths, alertsDue, mandateLifetimeMonths, type Customer, type DueAlert, type Subscription } from '@facturo/core';
import { companyToday } from '../commands/issue';
import { sendDocument } from '../commands/send';
import { customersByIds } from '../customers/records';
import { doneKeys, registerJob, type DueStep, type Job } from '../jobs';
import { sendThrough } from '../mail';
import { notify } from '../notifications';
import { customerMailbox } from '../quotes/client-mail';
import type { Services } from '../services';
import { afterBilling, membersWith } from './effects';
import { runBilling, SYSTEM_ACTOR } from './run';
import { plansOf } from './store';
import { stateOn } from './view';

/*
 * The scheduler's three jobs for subscriptions (ARCHITECTURE invariant 8: each asks what is due at `now`):
 * - subscription-billing: runs the billing run for each company with a subscription due by today. Exactly once
 *   per period comes from subscription_billings, not from this step, so the step may run again after a crash.
 * - recurring-send: emails each recurring invoice issued in "issue and send" mode, once (natural key send:{id}).
 * - subscription-alerts: renewal notices (C. consommation L215-1) to consumers, commitment ends and SEPA mandates
 *   about to lapse to the team.
 */

export const BILLING_JOB = 'subscription-billing';
export const SEND_JOB = 'recurring-send';
export const ALERTS_JOB = 'subscription-alerts';

const fr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export const subscriptionBilling: Job = {
  name: BILLING_JOB,
  everyMs: 15 * 60_000,
  forgetRunsAfterDays: 30,
  async due(s, now) {
    const rs = await s.db.execute({
      sql: 'SELECT DISTINCT company_id FROM subscriptions WHERE next_billing_on <= ? AND billing_error IS NULL',
      args: [companyToday(now)],
    });
    // A key per tick: what makes billing exactly once is subscription_billings, so a run may start again after any crash.
    return rs.rows.map((r) => ({ companyId: String(r.company_id), key: `run:${now.toISOString()}`, retryable: true }));
  },
  async run(s, step) {
    await afterBilling(s, step.companyId, await runBilling(s, step.companyId));
  },
};

interface SendStep extends DueStep {
  invoiceId: string;
}

export const recurringSend: Job<SendStep> = {
  name: SEND_JOB,
  // Up to 1,000 a minute (each waits for its archived PDF): a large monthly run is sent within hours, and each
  // invoice once whatever the servers (its send:{id} key in job_runs).
  everyMs: 60_000,
  async due(s) {
    const rs = await s.db.execute(`SELECT b.company_id, b.invoice_id FROM subscription_billings b JOIN subscriptions x ON x.company_id = b.company_id AND x.id = b.subscription_id
      WHERE b.status = 'issued' AND b.sent_at IS NULL AND x.review = 'issue' ORDER BY b.billed_at LIMIT 1000`);
    return rs.rows.map((r) => ({ companyId: String(r.company_id), key: `send:${String(r.invoice_id)}`, invoiceId: String(r.invoice_id) }));
  },
  async run(s, step, now) {
    // Marked first: a failure below is for a person to look at (job_runs keeps it), never an email sent twice.
    await s.db.execute({ sql: 'UPDATE subscription_billings SET sent_at = ? WHERE company_id = ? AND invoice_id = ?', args: [now.toISOString(), step.companyId, step.invoiceId] });
    try {
      await sendDocument(s, { companyId: step.companyId, by: SYSTEM_ACTOR }, step.invoiceId, {});
    } catch (e) {
      await notify(s, {
        companyId: step.companyId, userIds: await membersWith(s, step.companyId, 'invoices.send'), kind: 'subscription.send_failed', subjectId: step.invoiceId,
        dedupeKey: `recurring-send-failed:${companyToday(now)}`, link: `/c/${step.companyId}/invoices`,
        title: { fr: 'Des factures d’abonnement n’ont pas été envoyées', en: 'Some subscription invoices were not sent' },
        body: { fr: `Envoi impossible : ${(e as Error).message}. Elles sont émises ; envoyez-les depuis la liste des factures.`, en: `Sending failed: ${(e as Error).message}. They are issued; send them from the invoice list.` },
      });
      throw e;
    }
  },
};

interface AlertStep extends DueStep {
  subscriptionId: string;
  customerId: string;
  alert: DueAlert;
}

interface MandateStep extends DueStep {
  mandateId: string;
  rum: string;
  customerId: string;
  lapsesOn: string;
}

/** How long before a SEPA mandate lapses (36 months unused, SDD rulebook) the team is told. */
const MANDATE_NOTICE_DAYS = 30;

/** Active mandates that lapse within MANDATE_NOTICE_DAYS: the team asks for a new one or collects in time. */
async function mandatesLapsing(s: Services, today: string): Promise<MandateStep[]> {
  const rs = await s.db.execute(`SELECT company_id, id, rum, customer_id, signed_on, last_collection_on FROM sepa_mandates WHERE status = 'active'`);
  const out: MandateStep[] = [];
  for (const r of rs.rows) {
    const since = r.last_collection_on === null ? String(r.signed_on) : String(r.last_collection_on);
    const lapsesOn = addDays(addMonths(since, mandateLifetimeMonths), 1);
    if (addDays(lapsesOn, -MANDATE_NOTICE_DAYS) <= today && today < lapsesOn) {
      out.push({ companyId: String(r.company_id), key: `mandate:${String(r.id)}:lapses:${lapsesOn}`, mandateId: String(r.id), rum: String(r.rum), customerId: String(r.customer_id), lapsesOn });
    }
  }
  return out;
}

async function warnMandateLapse(s: Services, step: MandateStep): Promise<void> {
  const name = (await customersByIds(s, step.companyId, [step.customerId])).get(step.customerId)?.name ?? step.customerId;
  await notify(s, {
    companyId: step.companyId, userIds: await membersWith(s, step.companyId, 'payments.record'), kind: 'sepa.mandate_lapsing', subjectId: step.mandateId,
    dedupeKey: step.key, link: `/c/${step.companyId}/sepa-mandates?customer=${step.customerId}`,
    title: { fr: `Le mandat SEPA ${step.rum} de ${name} expire le ${fr(step.lapsesOn)}`, en: `${name}'s SEPA mandate ${step.rum} lapses on ${step.lapsesOn}` },
    body: {
      fr: 'Sans prélèvement présenté en 36 mois, un mandat devient caduc (règlement SEPA) : présentez un prélèvement avant cette date ou faites signer un nouveau mandat.',
      en: 'A mandate with no collection for 36 months lapses (SEPA rulebook): collect before that date or have a new mandate signed.',
    },
  });
}

export const subscriptionAlerts: Job<AlertStep | MandateStep> = {
  name: ALERTS_JOB,
  everyMs: 60 * 60_000,
  async due(s, now) {
    const today = companyToday(now);
    const out: (AlertStep | MandateStep)[] = [];
    const companies = await s.db.execute(`SELECT DISTINCT company_id FROM subscriptions WHERE state <> 'cancelled'`);
    for (const c of companies.rows) {
      const companyId = String(c.company_id);
      const plans = await plansOf(s, companyId);
      const done = await doneKeys(s, companyId, ALERTS_JOB);
      const rs = await s.db.execute({ sql: `SELECT data FROM subscriptions WHERE company_id = ? AND state <> 'cancelled'`, args: [companyId] });
      const subs = rs.rows.map((r) => JSON.parse(String(r.data)) as Subscription).filter((x) => plans.has(x.items[0]!.planId) && stateOn(x, today) !== 'cancelled');
      const customers = await customersByIds(s, companyId, subs.map((x) => x.customerId));
      for (const sub of subs) {
        const consumer = customers.get(sub.customerId)?.kind === 'individual';
        for (const alert of alertsDue(sub, plans, today, { consumer }, done)) out.push({ companyId, key: alert.key, subscriptionId: sub.id, customerId: sub.customerId, alert });
      }
    }
    return [...out, ...(await mandatesLapsing(s, today))];
  },
  async run(s, step) {
    if ('mandateId' in step) return warnMandateLapse(s, step);
    const customer = (await customersByIds(s, step.companyId, [step.customerId])).get(step.customerId);
    const name = customer?.name ?? step.customerId;
    const { alert } = step;
    const link = `/c/${step.companyId}/subscriptions/${step.subscriptionId}`;
    // Whether the L215-1 notice went: when it could not (no address, no SMTP), the team is told to send it by post.
    let unsent: string | null = null;
    if (alert.kind === 'renewal-notice') unsent = await renewalNotice(s, step, customer).then(() => null, (e: unknown) => (e as Error).message);
    const renewal = unsent === null
      ? { fr: `Avis de reconduction envoyé à ${name}`, en: `Renewal notice sent to ${name}` }
      : { fr: `Avis de reconduction à envoyer à ${name} par courrier`, en: `Renewal notice to send to ${name} by post` };
    await notify(s, {
      companyId: step.companyId, userIds: await membersWith(s, step.companyId, 'invoices.issue'), kind: `subscription.${alert.kind}`, subjectId: step.subscriptionId,
      dedupeKey: step.key, link,
      title: alert.kind === 'renewal-notice' ? renewal : { fr: `L’engagement de ${name} se termine le ${fr(alert.termEnd)}`, en: `${name}'s commitment ends on ${alert.termEnd}` },
      body: alert.kind === 'renewal-notice'
        ? {
          fr: `Reconduction tacite le ${fr(alert.termEnd)} ; le client peut refuser jusqu’au ${fr(alert.deadline)} (art. L215-1 C. consom.).${unsent ? ` L’e-mail n’a pas pu partir : ${unsent}.` : ''}`,
          en: `Tacit renewal on ${alert.termEnd}; the customer may refuse until ${alert.deadline} (French Consumer Code L215-1).${unsent ? ` The email could not go: ${unsent}.` : ''}`,
        }
        : { fr: 'Proposez un renouvellement ou préparez la fin du contrat.', en: 'Offer a renewal or prepare the end of the contract.' },
    });
  },
};

/**
 * L215-1: the consumer is told in writing, between three months and one month before the deadline, that they may
 * refuse the renewal, the deadline shown apart ("dans un encadré apparent"): the email sets it on a line of its own.
 * Without an address or an SMTP server the step fails, and the team's notification says so.
 */
async function renewalNotice(s: Services, step: AlertStep, customer: Customer | undefined): Promise<void> {
  const box = await customerMailbox(s, step.companyId, customer);
  if ('missing' in box) throw new Error(box.missing === 'no_smtp' ? 'no SMTP server: the renewal notice must be sent by other means' : 'the customer has no email address: send the renewal notice by post');
  const { alert } = step;
  const text = box.lang === 'en'
    ? `Hello,\n\nYour subscription renews automatically on ${alert.termEnd} for a new term.\n\n==============================\nYou may refuse this renewal until ${alert.deadline}.\n==============================\n\nTo refuse it, simply reply to this email before that date.\n`
    : `Bonjour,\n\nVotre abonnement sera reconduit tacitement le ${fr(alert.termEnd)} pour une nouvelle période.\n\n==============================\nVous pouvez refuser cette reconduction jusqu’au ${fr(alert.deadline)}.\n==============================\n\nPour la refuser, il vous suffit de répondre à cet e-mail avant cette date (article L215-1 du Code de la consommation).\n`;
  await sendThrough(box.smtp, {
    to: box.to,
    subject: box.lang === 'en' ? `Your subscription renews on ${alert.termEnd}` : `Reconduction de votre abonnement le ${fr(alert.termEnd)}`,
    text,
  });
}

registerJob(subscriptionBilling);
registerJob(recurringSend);
registerJob(subscriptionAlerts);
