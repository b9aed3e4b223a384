import { permissionsOf, type Permission } from '@facturo/core';
import { customRolesOf } from '../companies/roles';
import { notify } from '../notifications';
import { scheduleCollections } from '../sepa';
import type { Services } from '../services';
import type { BillingRunResult } from './run';

/*
 * After a billing run has committed (STYLE 7d): the team is told what could not be billed (in the app and by
 * email, once per subscription and period), and each SEPA-paid invoice is handed to its collection. Sending the
 * invoices themselves is the `recurring-send` job's (jobs.ts), one natural key per invoice.
 */

/** Members whose role grants `permission` (built-in or custom roles). */
export async function membersWith(s: Services, companyId: string, permission: Permission): Promise<string[]> {
  const custom = await customRolesOf(s.db, companyId);
  const rs = await s.db.execute({ sql: 'SELECT user_id, role FROM memberships WHERE company_id = ?', args: [companyId] });
  return rs.rows.filter((r) => permissionsOf(String(r.role), custom).has(permission)).map((r) => String(r.user_id));
}

export async function afterBilling(s: Services, companyId: string, result: BillingRunResult): Promise<void> {
  if (result.failed.length > 0) {
    const userIds = await membersWith(s, companyId, 'invoices.issue');
    for (const f of result.failed) {
      await notify(s, {
        companyId, userIds, kind: 'subscription.billing_failed', subjectId: f.subscriptionId, dedupeKey: `billing-failed:${f.subscriptionId}:${f.periodStart}`,
        link: `/c/${companyId}/subscriptions/${f.subscriptionId}`,
        title: { fr: 'Un abonnement n’a pas pu être facturé', en: 'A subscription could not be billed' },
        body: {
          fr: `La facture de la période du ${f.periodStart} n’a pas été émise : ${f.error}. Corrigez puis relancez la facturation.`,
          en: `The invoice of the period from ${f.periodStart} was not issued: ${f.error}. Fix it, then run billing again.`,
        },
      });
    }
  }
  await collect(s, companyId, result);
}

/** Invoices paid by direct debit go to their collection (pending until the bank confirms), with the pre-notification. */
async function collect(s: Services, companyId: string, result: BillingRunResult): Promise<void> {
  const items = result.invoices.flatMap((i) => (i.mandateId ? [{ invoiceId: i.id, mandateId: i.mandateId, customerId: i.customerId, amount: i.totalInclTax, currency: i.currency, dueDate: i.dueDate }] : []));
  if (items.length === 0) return;
  const { skipped } = await scheduleCollections(s, companyId, items);
  if (skipped.length === 0) return;
  const userIds = await membersWith(s, companyId, 'payments.record');
  for (const k of skipped) {
    await notify(s, {
      companyId, userIds, kind: 'sepa.collection_skipped', subjectId: k.invoiceId, dedupeKey: `collection-skipped:${k.invoiceId}`, link: `/c/${companyId}/invoices/${k.invoiceId}`,
      title: { fr: 'Prélèvement SEPA impossible', en: 'SEPA direct debit not possible' },
      body: { fr: `La facture ne sera pas prélevée : ${k.message}. Demandez un autre moyen de paiement.`, en: `The invoice will not be collected: ${k.message}. Ask for another means of payment.` },
    });
  }
}
