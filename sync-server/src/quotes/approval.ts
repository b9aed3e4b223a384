import { awaitingDecision, QuoteSettings, routeQuote, type DecisionKind } from '@facturo/core';
import type { Services } from '../services';
import { notify } from '../notifications';
import { revokeQuoteLinks } from './portal-links';
import { sendIfDue } from './send';
import { applyQuoteEvent, directoryOf, openQuote, type QuoteActor, type QuoteRecord } from './state';

/*
 * A quote's way through its approval circuit (issue 6): submit (routed by the company's rules, checked), the
 * approvers' decisions, withdrawal by its author, revision into a new version. Every change goes through
 * applyQuoteEvent (core's transition, one transaction); who must act next is told after the commit, once per
 * natural key (notify's dedupe key), so a retried command tells no one twice.
 */

const link = (r: QuoteRecord) => `/c/${r.companyId}/quotes/${r.id}`;
const label = (r: QuoteRecord) => r.number ?? (r.state.facts.total ? `${r.state.facts.total} ${r.currency} HT` : r.id);

/** Tells the approvers of the open step (and whoever stands in for them) that the quote awaits them. */
async function notifyApprovers(s: Services, r: QuoteRecord) {
  const { ws } = await openQuote(s, r.companyId, r.id);
  const awaited = awaitingDecision(r.state, await directoryOf(s, r.companyId, ws), s.now().toISOString());
  if (!awaited || awaited.approvers.length === 0) return;
  await notify(s, {
    companyId: r.companyId, userIds: awaited.approvers.flatMap((a) => a.notify), kind: 'quote.approval_requested', subjectId: r.id,
    dedupeKey: `quote:${r.id}:v${r.version}:run${awaited.run}:step${awaited.step}`,
    title: { fr: `Devis à approuver (${label(r)})`, en: `Quote to approve (${label(r)})` },
    body: { fr: `Étape ${awaited.step} du circuit : votre décision est attendue.`, en: `Step ${awaited.step} of the circuit awaits your decision.` },
    link: link(r),
  });
}

const outcomeText = {
  approved: { fr: 'a été approuvé', en: 'was approved' },
  rejected: { fr: 'a été refusé', en: 'was rejected' },
  changes_requested: { fr: 'doit être modifié', en: 'needs changes' },
} as const;

/** Tells the author how their quote's run ended. */
async function notifyAuthor(s: Services, r: QuoteRecord, run: number, outcome: keyof typeof outcomeText) {
  const comment = outcome === 'approved' ? '' : (r.state.reviewComment ?? '');
  await notify(s, {
    companyId: r.companyId, userIds: [r.authorId], kind: `quote.${outcome}`, subjectId: r.id,
    dedupeKey: `quote:${r.id}:v${r.version}:run${run}:${outcome}`,
    title: { fr: `Votre devis ${label(r)} ${outcomeText[outcome].fr}`, en: `Your quote ${label(r)} ${outcomeText[outcome].en}` },
    body: { fr: comment || 'Ouvrez le devis pour la suite.', en: comment || 'Open the quote to go on.' },
    link: link(r),
  });
}

async function afterChange(s: Services, actor: QuoteActor, r: QuoteRecord) {
  const run = r.state.runs[r.state.runs.length - 1];
  if (r.status === 'pending_approval') await notifyApprovers(s, r);
  if (run && (run.outcome === 'approved' || run.outcome === 'rejected' || run.outcome === 'changes_requested')) await notifyAuthor(s, r, run.run, run.outcome);
  return { record: r, autoSend: await sendIfDue(s, actor, r) };
}

/** Submits a draft: routed to its circuit by the company's rules, checked; approved at once when no circuit applies. */
export async function submitQuote(s: Services, actor: QuoteActor, id: string) {
  const { record } = await applyQuoteEvent(s, actor, id, {
    event: async (record, _quote, ws) => {
      const config = new QuoteSettings(ws.doc).readApprovalConfig();
      // The facts of the draft as submitted, the customer's segments included (applyQuoteEvent refreshed them).
      const route = routeQuote(config, record.state.facts);
      return { type: 'submit', by: actor.by, circuit: route.circuit, checks: config.checks, directory: await directoryOf(s, actor.companyId, ws) };
    },
  });
  return afterChange(s, actor, record);
}

export interface DecisionRequest {
  run: number;
  step: number;
  decision: DecisionKind;
  comment?: string;
}

/**
 * An approver's decision on the open step. Two approvers at once are serialised by applyQuoteEvent (both count
 * when the step wants both); the same decision sent twice changes nothing.
 */
export async function decideQuote(s: Services, actor: QuoteActor, id: string, d: DecisionRequest) {
  const { record, changed } = await applyQuoteEvent(s, actor, id, {
    event: async (_record, _quote, ws) => ({
      type: 'decide', by: actor.by, run: d.run, step: d.step, kind: d.decision, ...(d.comment ? { comment: d.comment } : {}),
      directory: await directoryOf(s, actor.companyId, ws),
    }),
    audit: { decision: d.decision, step: d.step },
  });
  return changed ? afterChange(s, actor, record) : { record, autoSend: null };
}

/** The author takes back a quote in approval: a draft again, the run closed. */
export async function withdrawQuote(s: Services, actor: QuoteActor, id: string) {
  return (await applyQuoteEvent(s, actor, id, { event: () => ({ type: 'withdraw', by: actor.by }) })).record;
}

/**
 * A new version of a quote (after changes were asked, or once sent, declined or expired): editable again, the
 * earlier version kept with its approvals and archived files, the number kept. The earlier version's portal links
 * stop working, so the client cannot accept an offer that was replaced.
 */
export async function reviseQuote(s: Services, actor: QuoteActor, id: string) {
  return (await applyQuoteEvent(s, actor, id, {
    event: () => ({ type: 'revise', by: actor.by }),
    inTransaction: async (tx) => void (await revokeQuoteLinks(s, tx, { companyId: actor.companyId, quoteId: id })),
  })).record;
}
