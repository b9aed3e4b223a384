import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Money } from '@facturo/core';
import { startTestServer } from './helpers';
import { creditorSettings, customer, issuedInvoice, mandate, sepaCompany, type SepaCompany } from './sepa-fixtures';
import { scheduleCollections } from '../src/sepa';

/* pain.008 batches and the bank's answer; clock fixed on Tuesday 1 December 2026 (no SMTP: nothing is emailed). */

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer(undefined, { now: () => new Date('2026-12-01T09:00:00Z') });
});
afterAll(async () => {
  await server.close();
});

interface Tx { PmtId: { EndToEndId: string }; InstdAmt: { '#text': string; '@Ccy': string }; DrctDbtTx: { MndtRltdInf: { MndtId: string } }; RmtInf: { Ustrd: string } }
interface PmtInf { NbOfTxs: string; CtrlSum: string; ReqdColltnDt: string; PmtTpInf: { SeqTp: string }; DrctDbtTxInf: Tx[] }
interface Parsed { GrpHdr: { MsgId: string; NbOfTxs: string; CtrlSum: string }; PmtInf: PmtInf[] }

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (n) => n === 'PmtInf' || n === 'DrctDbtTxInf' });
const read = (xml: string) => (parser.parse(xml) as { Document: { CstmrDrctDbtInitn: Parsed } }).Document.CstmrDrctDbtInitn;
const transactions = (p: Parsed) => p.PmtInf.flatMap((b) => b.DrctDbtTxInf.map((t) => ({ ...t, seq: b.PmtTpInf.SeqTp })));

type Invoice = Awaited<ReturnType<typeof issuedInvoice>>;

/** An issued invoice of the customer, handed to scheduleCollections as the billing run does. */
async function collected(co: SepaCompany, customerId: string, mandateId: string, net: string, dueDate = '2026-12-31'): Promise<Invoice> {
  const invoice = await issuedInvoice(co, customerId, net);
  const out = await scheduleCollections(server.services, co.companyId, [{ invoiceId: invoice.id, mandateId, customerId, amount: invoice.total, currency: 'EUR', dueDate }]);
  expect(out.skipped).toEqual([]);
  return invoice;
}

async function debtor(co: SepaCompany, name: string) {
  const customerId = await customer(co, { name });
  return { customerId, mandateId: await mandate(co, customerId, { debtorName: name }) };
}

async function download(co: SepaCompany, batchId: string, role: 'owner' | 'sales' = 'owner') {
  const res = await fetch(`${server.url}/api/v1/sepa/batches/${batchId}/pain008`, { headers: await co.as(role) });
  return { status: res.status, headers: res.headers, xml: await res.text() };
}

async function batch(co: SepaCompany, body: unknown = {}) {
  const res = await co.call('POST', '/sepa/batches', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as unknown as { id: string; messageId: string; count: number; total: string; sha256: string; collectionDate: string };
}

const sequenceOf = async (co: SepaCompany, invoiceId: string) =>
  ((await co.call('GET', `/sepa/collections?invoiceId=${invoiceId}`)).body as unknown as { sequenceType: string; status: string }[])[0];

describe('pain.008 batches', () => {
  let co: SepaCompany;
  let invoices: Invoice[];
  let made: Awaited<ReturnType<typeof batch>>;
  let file: Awaited<ReturnType<typeof download>>;

  beforeAll(async () => {
    co = await sepaCompany(server, 'Batch Co');
    const [a, b, c] = [await debtor(co, 'Boulangerie Martin'), await debtor(co, 'Café Léa'), await debtor(co, 'Hôtel Le Grand Cerf')];
    invoices = [await collected(co, a.customerId, a.mandateId, '100.00'), await collected(co, b.customerId, b.mandateId, '33.33'), await collected(co, c.customerId, c.mandateId, '1250.10')];
    made = await batch(co);
    file = await download(co, made.id);
  });

  it('counts every pending collection and sums them to the cent in the header and the batch', () => {
    const p = read(file.xml);
    const sum = invoices.reduce((s, i) => s.plus(i.total), new Money(0)).toFixed(2); // number-ok: Decimal#toFixed
    expect([p.GrpHdr.NbOfTxs, p.GrpHdr.CtrlSum, made.count, made.total]).toEqual(['3', sum, 3, sum]);
    expect(p.PmtInf.reduce((s, b) => s.plus(b.CtrlSum), new Money(0)).toFixed(2)).toBe(sum); // number-ok: Decimal#toFixed
  });

  it('debits each invoice’s total under its mandate, the invoice number as remittance, all FRST', () => {
    const txs = transactions(read(file.xml));
    expect(txs.map((t) => [t.RmtInf.Ustrd, t.InstdAmt['#text'], t.InstdAmt['@Ccy'], t.seq]).sort()).toEqual(invoices.map((i) => [i.number, i.total, 'EUR', 'FRST']).sort());
  });

  it('is well-formed, served as an XML attachment named after its message id, with the SHA-256 stored', () => {
    expect(XMLValidator.validate(file.xml)).toBe(true);
    expect([file.status, file.headers.get('content-type'), file.headers.get('content-disposition')]).toEqual([200, 'application/xml; charset=utf-8', `attachment; filename="${made.messageId}.xml"`]);
    expect(read(file.xml).GrpHdr.MsgId).toBe(made.messageId);
    expect(createHash('sha256').update(file.xml, 'utf8').digest('hex')).toBe(made.sha256);
  });

  it('turns the collections batched, so a second batch finds nothing to collect', async () => {
    expect(await sequenceOf(co, invoices[0]!.id)).toMatchObject({ status: 'batched', sequenceType: 'FRST' });
    const again = await co.call('POST', '/sepa/batches', {});
    expect([again.status, again.body.error?.code]).toEqual([422, 'nothing_to_collect']);
    expect(((await co.call('GET', '/sepa/batches')).body as unknown as { id: string }[]).map((b) => b.id)).toEqual([made.id]);
  });

  const xsd = '../shared/schemas/iso20022/pain.008.001.02.xsd';
  it.skipIf(!existsSync(xsd))(`is valid against the official pain.008.001.02 XSD (skipped: ${xsd} is not in the shared schemas)`, async () => {
    const result = await validateXML({ xml: [{ fileName: 'batch.xml', contents: file.xml }], schema: [{ fileName: 'pain.008.001.02.xsd', contents: readFileSync(xsd, 'utf8') }] });
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
  });
});

describe('sequence types and the bank’s answer', () => {
  it('sends a mandate’s first collection FRST and, once confirmed, the next one RCUR', async () => {
    const co = await sepaCompany(server, 'Sequence Co');
    const d = await debtor(co, 'Boulangerie Martin');
    const first = await collected(co, d.customerId, d.mandateId, '50.00');
    const one = await batch(co);
    const confirmed = await co.call('POST', `/sepa/batches/${one.id}/confirm`, {});
    expect([confirmed.status, confirmed.body.confirmed, confirmed.body.status]).toEqual([200, [first.id], 'confirmed']);
    expect((await co.call('GET', `/sepa/mandates/${d.mandateId}`)).body.lastCollectionOn).toBe('2026-12-31');
    const second = await collected(co, d.customerId, d.mandateId, '50.00', '2027-01-29');
    const two = await batch(co);
    expect(transactions(read((await download(co, two.id)).xml)).map((t) => [t.RmtInf.Ustrd, t.seq])).toEqual([[second.number, 'RCUR']]);
    expect(await sequenceOf(co, first.id)).toMatchObject({ status: 'confirmed', sequenceType: 'FRST' });
  });

  it('keeps the next collection FRST after the bank rejects a first one, with the reason kept', async () => {
    const co = await sepaCompany(server, 'Rejected Co');
    const d = await debtor(co, 'Café Léa');
    const first = await collected(co, d.customerId, d.mandateId, '80.00');
    const one = await batch(co);
    const answer = await co.call('POST', `/sepa/batches/${one.id}/confirm`, { rejected: [{ invoiceId: first.id, reason: 'AM04 insufficient funds' }] });
    expect([answer.status, answer.body.confirmed]).toEqual([200, []]);
    const rejected = ((await co.call('GET', '/sepa/collections?status=rejected')).body as unknown as { invoiceId: string; rejectReason: string }[]);
    expect(rejected.map((r) => [r.invoiceId, r.rejectReason])).toEqual([[first.id, 'AM04 insufficient funds']]);
    expect((await co.call('GET', `/sepa/mandates/${d.mandateId}`)).body.lastCollectionOn).toBeNull();
    const second = await collected(co, d.customerId, d.mandateId, '80.00', '2027-01-29');
    const two = await batch(co);
    expect(transactions(read((await download(co, two.id)).xml)).map((t) => [t.RmtInf.Ustrd, t.seq])).toEqual([[second.number, 'FRST']]);
  });

  it('refuses an answer naming an invoice outside the batch (400 naming it) and a second answer (409)', async () => {
    const co = await sepaCompany(server, 'Answer Co');
    const d = await debtor(co, 'Boulangerie Martin');
    await collected(co, d.customerId, d.mandateId, '10.00');
    const one = await batch(co);
    const wrong = await co.call('POST', `/sepa/batches/${one.id}/confirm`, { rejected: [{ invoiceId: 'dc_elsewhere0000', reason: 'MD01' }] });
    expect([wrong.status, Object.keys(wrong.body.error?.fields ?? {})]).toEqual([400, ['rejected[0].invoiceId']]);
    expect((await co.call('POST', `/sepa/batches/${one.id}/confirm`, {})).status).toBe(200);
    expect((await co.call('POST', `/sepa/batches/${one.id}/confirm`, {})).body.error?.code).toBe('already_confirmed');
  });
});

describe('batch refusals and access', () => {
  it('refuses a batch while the company lacks its creditor identifier and IBAN, naming both settings', async () => {
    const { sepaCreditorId: _ics, iban: _iban, ...rest } = creditorSettings;
    const co = await sepaCompany(server, 'No ICS Co', rest);
    const res = await co.call('POST', '/sepa/batches', {});
    expect([res.status, res.body.error?.code, Object.keys(res.body.error?.fields ?? {}).sort()]).toEqual([422, 'creditor_incomplete', ['iban', 'sepaCreditorId']]);
  });

  it('refuses a cut-off date that does not exist, naming collectionDate', async () => {
    const co = await sepaCompany(server, 'Bad Date Co');
    const res = await co.call('POST', '/sepa/batches', { collectionDate: '2026-02-30' });
    expect([res.status, Object.keys(res.body.error?.fields ?? {})]).toEqual([400, ['collectionDate']]);
  });

  it('takes only the collections due by the date asked', async () => {
    const co = await sepaCompany(server, 'Cut-off Co');
    const d = await debtor(co, 'Boulangerie Martin');
    const early = await collected(co, d.customerId, d.mandateId, '10.00', '2026-12-20');
    const late = await collected(co, d.customerId, d.mandateId, '20.00', '2027-02-26');
    const made = await batch(co, { collectionDate: '2026-12-31' });
    expect([made.count, made.collectionDate]).toEqual([1, '2026-12-21']);
    expect([(await sequenceOf(co, early.id))?.status, (await sequenceOf(co, late.id))?.status]).toEqual(['batched', 'pending']);
  });

  it('replays an Idempotency-Key with the same batch', async () => {
    const co = await sepaCompany(server, 'Replay Co');
    const d = await debtor(co, 'Boulangerie Martin');
    await collected(co, d.customerId, d.mandateId, '10.00');
    const a = await co.call('POST', '/sepa/batches', {}, { key: 'batch-1' });
    const b = await co.call('POST', '/sepa/batches', {}, { key: 'batch-1' });
    expect([a.status, b.status, b.body.id]).toEqual([201, 201, a.body.id]);
  });

  it('lets only who records payments make batches and read the file; hides them from other companies', async () => {
    const co = await sepaCompany(server, 'Access Co');
    const d = await debtor(co, 'Boulangerie Martin');
    await collected(co, d.customerId, d.mandateId, '10.00');
    expect((await co.call('POST', '/sepa/batches', {}, { role: 'sales' })).status).toBe(403);
    const made = await batch(co);
    expect((await download(co, made.id, 'sales')).status).toBe(403);
    const intruder = await sepaCompany(server, 'Batch Intruder Co');
    expect((await download(intruder, made.id)).status).toBe(404);
    expect((await intruder.call('POST', `/sepa/batches/${made.id}/confirm`, {})).status).toBe(404);
    expect((await intruder.call('GET', '/sepa/batches')).body).toEqual([]);
    expect((await intruder.call('GET', '/sepa/collections')).body).toEqual([]);
  });
});
