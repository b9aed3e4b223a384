import * as Y from 'yjs';
import { docIds, QuoteDocument, QuoteLockedError, QuoteSettings, Workspace } from '@facturo/core';
import { conflict, invalid } from '../errors';
import { newId } from '../ids';
import type { Services } from '../services';
import { newDoc } from '../ydoc';
import { requireCustomer } from '../customers/records';
import { editDocuments, workspaceOf, type Actor } from '../commands/run';
import { companyToday } from '../commands/issue';
import { fillTemplate, priceLines, pricingContextFor, writeSections, type QuoteSectionRequest } from './content';
import { openQuote, projectQuote, readQuote, recordFromDocument, writeStatement } from './state';

/*
 * Creating, changing and deleting a quote draft through the API (issue 6). Each is one editDocuments command:
 * the quote's document, the workspace index and the quotes row in one transaction, idempotent by key.
 */

export interface QuoteRequest {
  customer: string;
  template?: string;
  title?: string;
  validUntil?: string;
  currency?: string;
  sections?: QuoteSectionRequest[];
}

export type QuotePatch = Partial<Omit<QuoteRequest, 'template'>>;

const locked = (status: string) => conflict('quote_locked', `this quote is ${status}: only a draft changes; revise it to make a new version`);

/** A new quote for a customer, from a template or from the request's sections, priced by the company's rules. */
export async function createQuote(s: Services, actor: Actor, request: QuoteRequest) {
  const { ws, room: wsRoom } = await workspaceOf(s, actor.companyId);
  const id = newId('dc');
  return editDocuments(s, actor, 'createQuote', request, async () => {
    const customer = await requireCustomer(s, actor.companyId, request.customer).catch(() => {
      throw invalid({ customer: `no customer ${request.customer}` });
    });
    const now = s.now();
    // Built once on a scratch document: a bad line writes nothing; the room gets exactly this state.
    const scratch = newDoc();
    const quote = new QuoteDocument(scratch);
    if (request.template) fillTemplate(quote, ws, { templateId: request.template, customer, by: actor.by, now, ...(request.currency ? { currency: request.currency } : {}) });
    const { validityDays } = new QuoteSettings(ws.doc).readDefaults();
    const validUntil = new Date(Date.parse(`${companyToday(now)}T00:00:00Z`) + validityDays * 86_400_000).toISOString().slice(0, 10);
    try {
      quote.init({
        createdAt: now.toISOString(), createdBy: actor.by, customerId: customer.id,
        ...(request.template ? {} : { validUntil }),
        ...(request.currency ? { currency: request.currency } : {}),
        ...(request.title ? { title: request.title } : {}),
        ...(request.validUntil ? { validUntil: request.validUntil } : {}),
        paymentTermsDays: quote.readMeta().paymentTermsDays ?? customer.paymentTermsDays ?? 30,
      });
    } catch (e) {
      if (e instanceof Error && 'fields' in e) throw invalid((e as { fields: Record<string, string> }).fields);
      throw e;
    }
    writeSections(quote, ws, request.sections ?? []);
    priceLines(quote, ws, await pricingContextFor(s, actor.companyId, quote, customer));
    const room = await s.rooms.open(actor.companyId, docIds.document(actor.companyId, id));
    const row = await writeStatement(s, recordFromDocument(actor.companyId, id, quote, null, now.toISOString()));
    const state = Y.encodeStateAsUpdate(scratch);
    return {
      status: 201,
      result: { id },
      extra: async (tx) => void (await tx.execute(row)),
      edits: [
        { room, edit: (copy) => Y.applyUpdate(copy, state) },
        { room: wsRoom, edit: (copy) => new Workspace(copy).registerDocument(id, { kind: 'quote', createdAt: now.toISOString(), createdBy: actor.by, customerId: customer.id }) },
      ],
    };
  });
}

async function editableQuote(s: Services, companyId: string, id: string) {
  const opened = await openQuote(s, companyId, id);
  const record = await readQuote(s, companyId, id);
  const status = record?.status ?? opened.quote.status();
  if (status !== 'draft' && status !== 'changes_requested') throw locked(status);
  return opened;
}

/** Changes a draft: header fields, and all sections and lines when `sections` is given (then priced again). */
export async function patchQuote(s: Services, actor: Actor, id: string, patch: QuotePatch) {
  const { room, quote, ws } = await editableQuote(s, actor.companyId, id);
  const customerId = patch.customer ?? quote.readMeta().customerId;
  const customer = customerId ? await requireCustomer(s, actor.companyId, customerId).catch(() => {
    throw invalid({ customer: `no customer ${customerId}` });
  }) : undefined;
  const edit = (target: QuoteDocument) => {
    const meta = {
      ...(patch.customer ? { customerId: patch.customer } : {}),
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.validUntil ? { validUntil: patch.validUntil } : {}),
      ...(patch.currency ? { currency: patch.currency } : {}),
    };
    target.doc.transact(() => {
      if (Object.keys(meta).length > 0) target.updateMeta(meta);
      if (patch.sections) {
        for (const sec of target.listSections()) target.removeSection(sec.id);
        writeSections(target, ws, patch.sections);
      }
    });
  };
  // Validated on a copy first, so the error names the field and nothing is written.
  const scratch = newDoc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc));
  const trial = new QuoteDocument(scratch);
  try {
    edit(trial);
  } catch (e) {
    if (e instanceof QuoteLockedError) throw locked(e.status);
    if (e instanceof Error && 'fields' in e && !('status' in e)) throw invalid((e as { fields: Record<string, string> }).fields);
    throw e;
  }
  const context = patch.sections ? await pricingContextFor(s, actor.companyId, trial, customer) : null;
  const outcome = await editDocuments(s, actor, 'patchQuote', { id, patch }, async () => ({
    status: 200,
    result: { id },
    edits: [{
      room,
      edit: (copy) => {
        const target = new QuoteDocument(copy);
        edit(target);
        if (context) priceLines(target, ws, context);
      },
    }],
  })).catch((e: unknown) => {
    if (e instanceof QuoteLockedError) throw locked(e.status);
    throw e;
  });
  await projectQuote(s, room);
  return outcome;
}

/** Deletes a draft quote (never one that was submitted: its approvals are kept). */
export async function deleteQuote(s: Services, actor: Actor, id: string) {
  const { room: wsRoom } = await workspaceOf(s, actor.companyId);
  await openQuote(s, actor.companyId, id);
  const record = await readQuote(s, actor.companyId, id);
  const status = record?.status ?? 'draft';
  if (status !== 'draft') throw locked(status);
  return editDocuments(s, actor, 'deleteQuote', { id }, async () => ({
    status: 200,
    result: { id, deleted: true },
    edits: [{ room: wsRoom, edit: (copy) => new Workspace(copy).documents.delete(id) }],
    extra: async (tx) => void (await tx.execute({ sql: `DELETE FROM quotes WHERE company_id = ? AND id = ? AND status = 'draft'`, args: [actor.companyId, id] })),
  }));
}
