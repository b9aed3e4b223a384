import { DunningPolicyBook, dunningStepText, Money } from '@facturo/core';
import { companyToday } from '../commands/issue';
import { workspaceOf } from '../commands/run';
import { customersByIds } from '../customers/records';
import { invoiceStandings } from '../payments';
import { companyPayUrls } from '../pay';
import type { Services } from '../services';

/*
 * A dunning task's script (a call, a registered letter), written when the team reads the queue, not when the pass
 * creates the task: the person about to call sees what is due and how late it is today, and a first pass over
 * 100,000 invoices does not store 55,000 copies of a text it can write again (its step's template, the invoice, the
 * customer). A task stored with its note (before this) keeps it.
 */

export interface TaskRow {
  id: string;
  invoiceId: string;
  stepKey: string;
  note: string | null;
}

/** The step a key names: `dun:{invoiceId}:{policyId}:{stepId}` (ids hold no ':'). */
const stepOf = (key: string) => {
  const [, , policyId, stepId] = key.split(':');
  return policyId && stepId ? { policyId, stepId } : null;
};

export async function taskNotes(s: Services, companyId: string, tasks: readonly TaskRow[], now: Date): Promise<Map<string, string | null>> {
  const notes = new Map<string, string | null>(tasks.map((t) => [t.id, t.note]));
  const missing = tasks.filter((t) => t.note === null);
  if (missing.length === 0) return notes;
  const today = companyToday(now);
  const standings = await invoiceStandings(s.db, companyId, today, { ids: [...new Set(missing.map((t) => t.invoiceId))] });
  const customers = await customersByIds(s, companyId, [...standings.values()].flatMap((i) => (i.customerId ? [i.customerId] : [])));
  const { ws } = await workspaceOf(s, companyId);
  const policies = new DunningPolicyBook(ws.doc).all();
  const settings = ws.readSettings();
  const urlOf = await companyPayUrls(s, companyId);
  for (const task of missing) {
    const named = stepOf(task.stepKey);
    const step = named && policies.find((p) => p.id === named.policyId)?.steps.find((st) => st.id === named.stepId);
    const invoice = standings.get(task.invoiceId);
    const customer = invoice?.customerId ? customers.get(invoice.customerId) : undefined;
    // A policy edited since, an invoice or a customer gone: the task stays, without a script.
    if (!step || !invoice || !customer) continue;
    try {
      notes.set(task.id, dunningStepText(step, {
        customer, today, seller: settings, language: settings.language === 'en' ? 'en' : 'fr',
        invoice: {
          number: invoice.number, dueDate: invoice.dueDate, currency: invoice.currency, total: invoice.total, open: invoice.open,
          ...(urlOf && new Money(invoice.open).gt(0) ? { paymentLink: urlOf(invoice.id) } : {}),
        },
      }).body);
    } catch {
      // A template that no longer renders (a variable removed): no script rather than no queue.
    }
  }
  return notes;
}
