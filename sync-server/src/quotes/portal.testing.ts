import { createCustomerIn, CustomerBook, docIds, QuoteDocument, Workspace, type CustomerInput } from '@facturo/core';
import { editDocuments, workspaceOf } from '../commands/run';
import { customerProjection, customerRoom } from '../customers/records';
import { newId } from '../ids';
import type { Services } from '../services';
import { newDoc } from '../ydoc';
import { createPortalLink } from './portal-links';
import { applyQuoteEvent } from './state';

/*
 * Quotes in the state a client finds them (portal and follow-up tests): a customer, a quote with a firm line and
 * two options, approved without a circuit and sent with a number, and a portal link. Written through the same
 * server paths as the commands (editDocuments, applyQuoteEvent), without the send command's email.
 */

export async function customer(s: Services, companyId: string, by: string, input: CustomerInput): Promise<string> {
  const id = newId('cu');
  const now = s.now().toISOString();
  await editDocuments(s, { companyId, by }, 'test:customer', { id }, async () => {
    const created = createCustomerIn(new Workspace(newDoc()), new CustomerBook(newDoc()), id, input, now, by);
    const [{ room: wsRoom }, { room }] = await Promise.all([workspaceOf(s, companyId), customerRoom(s, companyId, id)]);
    return {
      status: 201, result: null,
      extra: async (tx) => void (await tx.execute(await customerProjection(s, companyId, { ...created, id }))),
      edits: [
        { room, edit: (copy) => void new CustomerBook(copy).createCustomer(id, input, now) },
        { room: wsRoom, edit: (copy) => new Workspace(copy).registerCustomer(id, { kind: created.kind, createdAt: now, createdBy: by }) },
      ],
    };
  });
  return id;
}

export interface SentQuote {
  quoteId: string;
  token: string;
  lines: { firm: string; taken: string; left: string };
}

/** A draft quote: 1 × 1000.00 firm, an option taken (2 × 150.00) and one left out (1 × 99.90), all at 20 % VAT. */
export async function draftQuote(s: Services, o: { companyId: string; authorId: string; customerId: string; validUntil: string }): Promise<Omit<SentQuote, 'token'>> {
  const { companyId, authorId } = o;
  const quoteId = newId('dc');
  const lines = { firm: newId('ln'), taken: newId('ln'), left: newId('ln') };
  const now = s.now().toISOString();
  const { room: wsRoom } = await workspaceOf(s, companyId);
  const room = await s.rooms.open(companyId, docIds.document(companyId, quoteId));
  await editDocuments(s, { companyId, by: authorId }, 'test:quote', { quoteId }, async () => ({
    status: 201, result: null,
    edits: [
      { room: wsRoom, edit: (copy) => new Workspace(copy).registerDocument(quoteId, { kind: 'quote', customerId: o.customerId, createdAt: now, createdBy: authorId }) },
      {
        room, edit: (copy) => {
          const q = new QuoteDocument(copy);
          q.init({ createdAt: now, createdBy: authorId, customerId: o.customerId, title: 'Refonte du site', validUntil: o.validUntil, intro: 'Voici notre proposition.' });
          q.addSection('sc_design', { title: 'Conception' });
          q.addLine(lines.firm, { sectionId: 'sc_design', description: 'Atelier de cadrage', quantity: '1', unit: 'jour', unitPrice: '1000.00', costPrice: '400.00', vatRate: '20', pricing: '[{"ruleId":"pr_x","fr":"secret","en":"secret"}]' });
          q.addLine(lines.taken, { sectionId: 'sc_design', description: 'Maquettes', quantity: '2', unitPrice: '150.00', vatRate: '20', optional: true, selected: true, overridePrice: '150.00', overrideBy: 'Olivia', overrideReason: 'geste' });
          q.addLine(lines.left, { sectionId: 'sc_design', description: 'Hébergement', quantity: '1', unitPrice: '99.90', vatRate: '20', optional: true, selected: false });
        },
      },
    ],
  }));
  return { quoteId, lines };
}

/** The draft quote above, approved without a circuit, sent under a number, with a portal link. */
export async function sentQuote(s: Services, o: { companyId: string; authorId: string; customerId: string; validUntil: string; number?: string }): Promise<SentQuote> {
  const { companyId, authorId } = o;
  const { quoteId, lines } = await draftQuote(s, o);
  const actor = { companyId, by: authorId };
  await applyQuoteEvent(s, actor, quoteId, { event: () => ({ type: 'submit', by: authorId, circuit: null, checks: { mandatoryFields: [] }, directory: { roles: {}, delegations: [] } }) });
  await applyQuoteEvent(s, actor, quoteId, { event: () => ({ type: 'send', by: authorId }), patch: async () => ({ number: o.number ?? 'D-2026-00012' }) });
  const link = await createPortalLink(s, s.db, { companyId, quoteId, version: 1, by: authorId, days: 30 });
  return { quoteId, token: link.token, lines };
}
