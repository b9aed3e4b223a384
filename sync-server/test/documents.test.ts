import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCii, parseUbl } from '@facturo/core/documents';
import { xsdErrors } from '../../testing/xsd';
import { array, decoded, dict, name, open, stream, utf8 } from '@facturo/core/documents/pdf/pdf-objects.testing.ts';
import { apiCall, bearer, company, startTestServer, tempDataDir } from './helpers';
import { createApiToken } from '../src/companies';
import { ensureDemo } from '../src/demo';
import { createDraft } from '../src/commands/drafts';
import type { Services } from '../src/services';
import { fileNameOf } from '../src/documents';

/*
 * The archive of issued documents (invariant 4): the Factur-X PDF, CII and UBL produced once after the
 * issue commits, sealed, and the same bytes at every download; and the business rules checked at issue.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let companyId: string;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  companyId = (await ensureDemo(server.services)).companyId;
  token = (await createApiToken(server.services.db, companyId, 'owner', 'test', server.services.now())).token;
});
afterAll(() => server.close());

const buyer = { name: 'Garage Dupont Frères', siren: '552100554', address: { line1: '3 rue des Forges', postcode: '42000', city: 'Saint-Étienne', country: 'FR' } };
const lines = [
  { description: 'Audit du parc', quantity: '2', unitPrice: '650.00', vatRate: '20' },
  { description: 'Formation', quantity: '1', unitPrice: '420.00', vatRate: '20', discountPercent: '10' },
];

const call = (method: string, path: string, body?: unknown, auth = bearer(token)) => apiCall(server, method, path, auth, body);

async function draft(body: Record<string, unknown> = {}): Promise<string> {
  const customer = await call('POST', '/customers', buyer);
  const created = await call('POST', '/invoices', { customer: customer.body.id, lines, ...body });
  expect(created.status).toBe(201);
  return String(created.body.id);
}

async function issue(id: string) {
  const res = await call('POST', `/invoices/${id}/issue`, {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { number: string; totalExclTax: string; totalTax: string; totalInclTax: string };
}

async function download(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/v1${path}`, { headers: { ...bearer(token), ...headers } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function archived(s: Services, documentId: string) {
  const rs = await s.db.execute({ sql: 'SELECT format, sha256, size, content FROM document_files WHERE document_id = ? ORDER BY format', args: [documentId] });
  return Object.fromEntries(rs.rows.map((r) => [String(r.format), { sha256: String(r.sha256), size: Number(r.size), content: Buffer.from(r.content as ArrayBuffer) }]));
}

/** The factur-x.xml a Factur-X PDF carries, read with pdf-lib from its /EmbeddedFiles name tree. */
async function embeddedXml(pdfBytes: Uint8Array): Promise<string> {
  const pdf = await open(pdfBytes);
  const tree = dict(pdf, dict(pdf, pdf.catalog.get(name('Names'))).get(name('EmbeddedFiles')));
  const names = array(pdf, tree.get(name('Names')));
  const spec = dict(pdf, names.get(1));
  return utf8(decoded(stream(pdf, dict(pdf, spec.get(name('EF'))).get(name('F')))));
}

describe('archived documents', () => {
  it('downloads the same PDF bytes twice, whose SHA-256 is the archived one and the ETag', async () => {
    const id = await draft();
    const issued = await issue(id);
    const first = await download(`/invoices/${id}/pdf`);
    const second = await download(`/invoices/${id}/pdf`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('content-disposition')).toBe(`attachment; filename="${issued.number}.pdf"`);
    expect(first.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(second.bytes.equals(first.bytes)).toBe(true);
    const rows = await archived(server.services, id);
    expect(rows.pdf!.sha256).toBe(sha256(first.bytes));
    expect(rows.pdf!.size).toBe(first.bytes.length);
    expect(first.headers.get('etag')).toBe(`"${rows.pdf!.sha256}"`);
    expect((await download(`/invoices/${id}/pdf`, { 'if-none-match': first.headers.get('etag')! })).status).toBe(304);
  });

  it('embeds in the PDF the very CII it serves; CII and UBL pass the official XSDs and read back to the issued number and totals', async () => {
    const id = await draft();
    const issued = await issue(id);
    const pdf = await download(`/invoices/${id}/pdf`);
    const cii = await download(`/invoices/${id}/xml`);
    const ubl = await download(`/invoices/${id}/xml?format=ubl`);
    expect(cii.headers.get('content-type')).toBe('application/xml');
    expect(cii.headers.get('content-disposition')).toBe(`attachment; filename="${issued.number}-cii.xml"`);
    expect(ubl.headers.get('content-disposition')).toBe(`attachment; filename="${issued.number}-ubl.xml"`);
    expect(await embeddedXml(pdf.bytes)).toBe(cii.bytes.toString('utf8'));
    expect((await download(`/invoices/${id}/xml?format=cii`)).bytes.equals(cii.bytes)).toBe(true);
    expect(await xsdErrors({ cii: cii.bytes.toString('utf8') }, 'cii')).toEqual({ cii: [] });
    expect(await xsdErrors({ ubl: ubl.bytes.toString('utf8') }, 'ubl-invoice')).toEqual({ ubl: [] });
    for (const invoice of [parseCii(cii.bytes.toString('utf8')), parseUbl(ubl.bytes.toString('utf8'))]) {
      expect(invoice).toMatchObject({ number: issued.number, typeCode: '380', totals: { withoutVat: issued.totalExclTax, vat: issued.totalTax, withVat: issued.totalInclTax } });
    }
  }, 60_000);

  it('gives a credit note its files through the same routes, with type 381', async () => {
    const invoice = await draft();
    const { number: invoiceNumber } = await issue(invoice);
    const credit = await call('POST', `/invoices/${invoice}/credit-note`, {});
    const id = String(credit.body.id);
    const issued = await issue(id);
    const cii = (await download(`/invoices/${id}/xml`)).bytes.toString('utf8');
    const ubl = (await download(`/invoices/${id}/xml?format=ubl`)).bytes.toString('utf8');
    expect(parseCii(cii)).toMatchObject({ number: issued.number, typeCode: '381', precedingInvoices: [{ number: invoiceNumber }] });
    expect(parseUbl(ubl)).toMatchObject({ number: issued.number, typeCode: '381' });
    expect(await xsdErrors({ ubl }, 'ubl-credit-note')).toEqual({ ubl: [] });
    const pdf = await download(`/invoices/${id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(await embeddedXml(pdf.bytes)).toBe(cii);
  }, 60_000);

  it('answers 409 not_issued for a draft and 404 to another company', async () => {
    const id = await draft();
    const res = await call('GET', `/invoices/${id}/pdf`);
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('not_issued');
    await issue(id);
    const other = await company(server.services, 'Other SARL');
    const otherToken = (await createApiToken(server.services.db, other.id, 'owner', 'other', server.services.now())).token;
    for (const path of [`/invoices/${id}/pdf`, `/invoices/${id}/xml`, `/invoices/${id}/xml?format=ubl`]) {
      expect((await call('GET', path, undefined, bearer(otherToken))).status).toBe(404);
    }
  });

  it('archives after issue without a download, sealed (no buyer name in the rows), and logs the hashes only', async () => {
    const id = await draft();
    const { number } = await issue(id);
    await server.services.archiver.idle();
    const rows = await archived(server.services, id);
    expect(Object.keys(rows)).toEqual(['cii', 'pdf', 'ubl']);
    const cii = (await download(`/invoices/${id}/xml`)).bytes;
    expect(cii.toString('utf8')).toContain('Garage Dupont Frères');
    expect(rows.cii!.size).toBe(cii.length);
    for (const row of Object.values(rows)) {
      expect(row.content.includes(Buffer.from('Garage Dupont'))).toBe(false);
      expect(row.content.includes(Buffer.from('<?xml'))).toBe(false);
    }
    const events = (await server.services.log.readKind(companyId, ['event'], undefined, 200))
      .map((e) => JSON.parse(e.payload!.toString('utf8')) as Record<string, string>)
      .filter((e) => e.type === 'document_archived' && e.documentId === id);
    expect(events).toEqual([{ type: 'document_archived', documentId: id, number, pdf: rows.pdf!.sha256, cii: rows.cii!.sha256, ubl: rows.ubl!.sha256 }]);
  });

  it('refuses an invoice that breaks a business rule, naming the rule, and takes no number', async () => {
    const before = await issue(await draft());
    // An intra-community supply (K) states when and where the goods were delivered (EN 16931 BR-IC-11, BR-IC-12).
    const intra = await draft({ lines: [{ description: 'Pièces détachées', quantity: '1', unitPrice: '100', vatCategory: 'K', vatRate: '0', exemptionReason: 'Livraison intracommunautaire' }] });
    const refused = await call('POST', `/invoices/${intra}/issue`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('not_issuable');
    expect(Object.keys(refused.body.error?.fields ?? {})).toContain('BR-IC-11');
    // A credit note without the date of the invoice it corrects (BR-FR-CO-05) is refused by field.
    const customer = await call('POST', '/customers', buyer);
    const undated = await createDraft(server.services, { companyId, by: 'test' }, { kind: 'credit_note', customerId: String(customer.body.id), operationCategory: 'services', lines }, { precedingNumber: before.number });
    const refusedCredit = await call('POST', `/invoices/${undated.result.id}/issue`, {});
    expect(refusedCredit.status).toBe(422);
    expect(refusedCredit.body.error?.fields?.precedingIssueDate).toContain('BR-FR-CO-05');
    expect((await call('GET', `/invoices/${intra}`)).body).toMatchObject({ status: 'draft', number: null });
    const after = await issue(await draft());
    const seq = (n: string) => Number(n.split('-').at(-1));
    expect(seq(after.number)).toBe(seq(before.number) + 1);
  });
});

describe('file names', () => {
  it('makes a number filename-safe', () => {
    expect(fileNameOf('F/2026/00012', 'pdf')).toBe('F_2026_00012.pdf');
    expect(fileNameOf('AV-2026-00001', 'ubl')).toBe('AV-2026-00001-ubl.xml');
    expect(fileNameOf('a"b\\c', 'cii')).toBe('a_b_c-cii.xml');
  });
});

describe('archiving across a restart', () => {
  it('archives at start what was issued while no archiver ran', async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer(dataDir);
    const demo = (await ensureDemo(first.services)).companyId;
    const owner = bearer((await createApiToken(first.services.db, demo, 'owner', 'test', first.services.now())).token);
    await first.services.archiver.stop();
    const customer = await apiCall(first, 'POST', '/customers', owner, buyer);
    const created = await apiCall(first, 'POST', '/invoices', owner, { customer: customer.body.id, lines });
    const id = String(created.body.id);
    expect((await apiCall(first, 'POST', `/invoices/${id}/issue`, owner, {})).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(await archived(first.services, id)).toEqual({});
    await first.close();

    const second = await startTestServer(dataDir);
    try {
      let rows: Awaited<ReturnType<typeof archived>> = {};
      const deadline = Date.now() + 30_000;
      while (Object.keys(rows).length < 3 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        rows = await archived(second.services, id);
      }
      expect(Object.keys(rows)).toEqual(['cii', 'pdf', 'ubl']);
      const pdf = await fetch(`${second.url}/api/v1/invoices/${id}/pdf`, { headers: owner });
      expect(sha256(Buffer.from(await pdf.arrayBuffer()))).toBe(rows.pdf!.sha256);
    } finally {
      await second.close();
    }
  }, 60_000);
});

