import { newDoc } from '../ydoc';
import { docIds, DraftDocument, Workspace, type DocumentKind, type DocumentMetaInput, type LineInput } from '@facturo/core';
import { conflict, invalid, notFound } from '../errors';
import { newId } from '../ids';
import type { Services } from '../services';
import { editDocuments, workspaceOf, type Actor } from './run';
import { readCustomer } from '../customers/records';
import { readFrozen } from './issue';
import { draftProjection } from '../projections/documents';

export interface DraftRequest extends DocumentMetaInput {
  kind?: DocumentKind;
  lines?: LineInput[];
}

/** Creates a draft document (a new Yjs doc) and registers it in the workspace index. */
export async function createDraft(s: Services, actor: Actor, request: DraftRequest, extra: { precedingDocumentId?: string; precedingNumber?: string; precedingIssueDate?: string } = {}) {
  const { ws, room: wsRoom } = await workspaceOf(s, actor.companyId);
  const id = newId('dc');
  const kind = request.kind ?? 'invoice';
  const outcome = await editDocuments(s, actor, 'createDraft', { request, extra }, async () => {
    const { kind: _k, lines = [], ...meta } = request;
    if (meta.customerId && !(await readCustomer(s, actor.companyId, meta.customerId))) throw invalid({ customer: `no customer ${meta.customerId}` });
    const room = await s.rooms.open(actor.companyId, docIds.document(actor.companyId, id));
    const now = s.now().toISOString();
    const settings = ws.readSettings();
    const fill = (draft: DraftDocument) => {
      draft.init(kind, { createdAt: now, createdBy: actor.by, operationCategory: 'services', ...meta, ...extra });
      lines.forEach((l, i) => {
        try {
          draft.addLine(newId('ln'), { ...(settings.vatRegime === 'franchise' ? { vatCategory: 'E', vatRate: '0', exemptionReason: 'TVA non applicable, art. 293 B du CGI' } : {}), ...l });
        } catch (e) {
          if (e instanceof Error && 'fields' in e) {
            const fields = (e as { fields: Record<string, string> }).fields;
            throw invalid(Object.fromEntries(Object.entries(fields).map(([k, v]) => [`lines[${i}].${k}`, v])));
          }
          throw e;
        }
      });
    };
    // Validate on a scratch document first: a bad line writes nothing anywhere.
    const scratch = newDoc();
    fill(new DraftDocument(scratch));
    // Its projection is written in the same transaction, so lists and the API's answer find it at once.
    const projection = draftProjection({ companyId: actor.companyId, docId: room.docId, doc: scratch }, s.now());
    return {
      status: 201,
      result: { id },
      extra: async (tx) => {
        if (projection) await tx.execute(projection);
      },
      edits: [
        { room, edit: (copy) => fill(new DraftDocument(copy)) },
        { room: wsRoom, edit: (copy) => new Workspace(copy).registerDocument(id, { kind, createdAt: now, createdBy: actor.by, ...(meta.customerId ? { customerId: meta.customerId } : {}) }) },
      ],
    };
  });
  return outcome;
}

/** A field-level patch of a draft; an issued document is refused (409), never changed. */
export async function patchDraft(s: Services, actor: Actor, id: string, patch: DocumentMetaInput & { lines?: LineInput[] }) {
  const room = await openDraft(s, actor.companyId, id);
  if (room.frozenAs !== null) throw conflict('issued', `issued as ${room.frozenAs}: an issued document never changes; create a credit note`);
  const { lines, ...meta } = patch;
  return editDocuments(s, actor, 'patchDraft', { id, patch }, async () => ({
    status: 200,
    result: { id },
    edits: [{
      room,
      edit: (copy) => {
        const draft = new DraftDocument(copy);
        if (Object.keys(meta).length > 0) draft.updateMeta(meta);
        if (lines) {
          for (const l of draft.listLines()) draft.removeLine(l.id);
          lines.forEach((l) => draft.addLine(newId('ln'), l));
        }
      },
    }],
  }));
}

export async function openDraft(s: Services, companyId: string, id: string) {
  const { ws } = await workspaceOf(s, companyId);
  if (!ws.getDocument(id)) throw notFound('invoice');
  return s.rooms.open(companyId, docIds.document(companyId, id));
}

/** A credit note for an issued invoice: by default it credits every line in full. */
export async function createCreditNote(s: Services, actor: Actor, invoiceId: string, request: { lines?: LineInput[]; notes?: string }) {
  const frozen = await readFrozen(s, actor.companyId, invoiceId);
  if (!frozen) {
    await openDraft(s, actor.companyId, invoiceId);
    throw conflict('not_issued', 'only an issued invoice can be credited; a draft can simply be edited');
  }
  const inv = frozen.content;
  if (inv.kind !== 'invoice') throw conflict('not_an_invoice', 'a credit note corrects an invoice');
  // EN 16931: a credit note (type 381) states positive amounts; its type is what makes it a credit.
  const lines: LineInput[] = request.lines ?? inv.lines.map(({ id: _id, ...l }) => l);
  return createDraft(s, actor, {
    kind: 'credit_note', customerId: inv.meta.customerId, currency: inv.currency, operationCategory: inv.meta.operationCategory,
    notes: request.notes, lines,
  }, { precedingDocumentId: inv.id, precedingNumber: inv.number, precedingIssueDate: inv.issueDate });
}
