import { request } from '@playwright/test';
import { InvoiceEditorPage } from '../pages/InvoiceEditorPage';
import { InvoicePrintPage } from '../pages/InvoicePrintPage';
import { InvoicesPage } from '../pages/InvoicesPage';
import { expect, test } from '../support/fixtures';
import type { Person } from '../support/person';

/*
 * Issue "Foundation II": invoices co-edited live as Yjs drafts, issued by a server command (online or
 * queued offline), frozen and numbered by the server, corrected by credit notes.
 */

const invoiceNumber = /^F-\d{4}-\d{5}$/;
const creditNoteNumber = /^AV-\d{4}-\d{5}$/;
/** The demo company's (the seller's) SIREN, see sync-server/src/demo.ts. */
const sellerSiren = '912345675';

/** An amount as the app prints it in French: "1 425,00 €" (narrow no-break space, no-break space). */
function euros(amount: string): RegExp {
  const [int = '', cents = '00'] = amount.split(',');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return new RegExp(`^${grouped},${cents}\u00a0€$`);
}

interface ServerInvoice {
  status: 'draft' | 'issued';
  number: string | null;
  kind: string;
  totalInclTax: string | null;
}

/**
 * What the server holds for a document (GET /api/v1/invoices/:id), asked with this person's session
 * from outside their browser: it answers even while their device is offline.
 */
async function onServer(p: Person, companyId: string, documentId: string): Promise<ServerInvoice> {
  const api = await request.newContext({ baseURL: new URL(p.page.url()).origin, storageState: await p.context.storageState() });
  try {
    const res = await api.get(`/api/v1/invoices/${documentId}`, { headers: { 'X-Company': companyId } });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as ServerInvoice;
  } finally {
    await api.dispose();
  }
}

interface InvoiceScreens {
  list: InvoicesPage;
  editor: InvoiceEditorPage;
  print: InvoicePrintPage;
}

function screensOf(p: Person): InvoiceScreens {
  return { list: new InvoicesPage(p.page), editor: new InvoiceEditorPage(p.page), print: new InvoicePrintPage(p.page) };
}

/** A customer any invoice may be issued to: a French company with a valid SIREN and a full address. */
async function createIssuableCustomer(p: Person, companyId: string, name: string): Promise<string> {
  await p.page.goto(`/c/${companyId}/customers/new`);
  return p.editor.create({
    name,
    siren: '552100554',
    email: 'compta@example.fr',
    line1: '14 rue des Tanneurs',
    postcode: '67000',
    city: 'Strasbourg',
    country: 'FR',
  });
}

test('two teammates see an invoice fill in live; once issued both see its number, read-only, and the printable view has the legal mentions', async ({ demoOwner, person, tag }) => {
  test.setTimeout(90_000); // two people to register on two shared cores
  const { owner: anna, companyId } = await demoOwner(`Anna Owner ${tag}`);
  await anna.members.goto(companyId);
  const link = await anna.members.createInvite('sales');
  const basile = await person(`Basile Sales ${tag}`);
  expect(await basile.registerWith(link)).toBe(companyId);
  const a = screensOf(anna);
  const b = screensOf(basile);

  // Anna: a customer, then a new draft invoice for it.
  const customerName = `Imprimerie Rhénane ${tag}`;
  const customerId = await createIssuableCustomer(anna, companyId, customerName);
  await a.list.navigate();
  const invoiceId = await a.list.create();
  await expect(a.editor.title).toHaveText('Facture — brouillon');
  await expect(a.editor.status).toHaveAttribute('data-status', 'draft');
  await a.editor.chooseCustomer(customerId);
  await expect(a.editor.customerSummary).toContainText('SIREN 552100554');

  // Basile finds the new draft in his list (made on Anna's device) and opens it.
  await b.list.navigate();
  await expect(b.list.row(invoiceId)).toHaveCount(1);
  await expect(b.list.status(invoiceId)).toHaveAttribute('data-status', 'draft');
  await expect(b.list.number(invoiceId)).toHaveText('Facture (brouillon)');
  await b.list.open(invoiceId);
  await expect(b.editor.customer).toHaveValue(customerId);
  await expect(b.editor.presenceUsers.and(basile.page.locator(`[title="${anna.name}"]`))).toBeVisible();
  await expect(b.editor.lines).toHaveCount(0);

  // Anna types the lines; Basile sees each value and the totals follow, live.
  const first = await a.editor.addLine({ description: 'Conception de l’identité visuelle', quantity: '3', unitPrice: '450' });
  await expect(first.vat).toHaveValue('20');
  await expect(b.editor.lines).toHaveCount(1);
  await expect(b.editor.line(0).description).toHaveValue('Conception de l’identité visuelle');
  await expect(b.editor.line(0).quantity).toHaveValue('3');
  await expect(b.editor.line(0).unitPrice).toHaveValue('450');
  await expect(b.editor.line(0).vat).toHaveValue('20');
  await expect(b.editor.line(0).total).toContainText('1\u202f350,00\u00a0€');
  await expect(b.editor.totalExclTax).toHaveText(euros('1350,00'));
  await expect(b.editor.totalInclTax).toHaveText(euros('1620,00'));

  await a.editor.addLine({ description: 'Impression de 500 cartes de visite', quantity: '2', unitPrice: '37,50', vatRate: '10' });
  await expect(b.editor.lines).toHaveCount(2);
  await expect(b.editor.line(1).description).toHaveValue('Impression de 500 cartes de visite');
  await expect(b.editor.line(1).quantity).toHaveValue('2');
  await expect(b.editor.line(1).unitPrice).toHaveValue('37,50');
  await expect(b.editor.line(1).vat).toHaveValue('10');
  // 3 × 450 at 20 % + 2 × 37,50 at 10 %: 1 425,00 HT, 270,00 + 7,50 VAT, 1 702,50 TTC.
  await expect(b.editor.vatRows).toHaveCount(2);
  await expect(b.editor.totalExclTax).toHaveText(euros('1425,00'));
  await expect(b.editor.totalInclTax).toHaveText(euros('1702,50'));
  await expect(a.editor.totalInclTax).toHaveText(euros('1702,50'));

  // Anna issues it: both see the number the server gave, and a read-only invoice.
  await expect(a.editor.checklistOk).toBeVisible();
  await expect(a.editor.issueButton).toHaveText('Émettre la facture');
  await a.editor.issue();
  await expect(a.editor.number).toHaveText(invoiceNumber);
  const number = (await a.editor.number.innerText()).trim();
  for (const s of [a, b]) {
    await expect(s.editor.number).toHaveText(number);
    await expect(s.editor.status).toHaveAttribute('data-status', 'issued');
    await expect(s.editor.documentNumber).toHaveText(number);
    await expect(s.editor.documentTotal).toHaveText(euros('1702,50'));
    await expect(s.editor.editorForm).toHaveCount(0);
    await expect(s.editor.lines).toHaveCount(0);
    await expect(s.editor.issueButton).toHaveCount(0);
    await expect(s.editor.addLineButton).toHaveCount(0);
    await expect(s.editor.editableInputs()).toHaveCount(0);
  }

  // The printable view: the frozen record with the mentions French law requires.
  await a.editor.printLink.click();
  await expect(anna.page).toHaveURL(new RegExp(`/invoices/${invoiceId}/print$`));
  await expect(a.print.number).toHaveText(number);
  await expect(a.print.mentions).toContainText('Indemnité forfaitaire pour frais de recouvrement : 40 €');
  await expect(a.print.mentions).toContainText('Pénalités de retard : ');
  await expect(a.print.mentions).toContainText('Nature de l’opération : prestation de services');
  await expect(a.print.legalFooter).toContainText(sellerSiren);
  await expect(a.print.legalFooter).toContainText('TVA');
  await expect(a.print.document).toContainText('SIREN 552100554');
  await expect(a.print.document).toContainText(customerName);
  await expect(a.print.document).toContainText('14 rue des Tanneurs');
  await expect(a.print.document).toContainText('Impression de 500 cartes de visite');
  await expect(a.print.total).toHaveText(euros('1702,50'));
  await expect(a.print.printButton).toBeVisible();

  // Basile's list shows it issued, with its number.
  await b.list.navigate();
  await expect(b.list.number(invoiceId)).toHaveText(number);
  await expect(b.list.status(invoiceId)).toHaveAttribute('data-status', 'issued');
  await expect(b.list.total(invoiceId)).toHaveText(euros('1702,50'));
});

test('issuing offline waits as "En attente d’émission" without a number, and is numbered once back online with no further click', async ({ demoOwner, tag }) => {
  const { owner: olga, companyId } = await demoOwner(`Olga Offline ${tag}`, { canGoOffline: true });
  const o = screensOf(olga);
  const customerId = await createIssuableCustomer(olga, companyId, `Fromagerie Hors-Ligne ${tag}`);

  // A draft made online, with one line, on the server.
  await o.list.navigate();
  const invoiceId = await o.list.create();
  await o.editor.chooseCustomer(customerId);
  const line = await o.editor.addLine({ description: 'Audit de la chaîne du froid', quantity: '1', unitPrice: '800' });
  await expect(o.editor.totalInclTax).toHaveText(euros('960,00'));
  await expect(o.editor.syncStatus).toHaveAttribute('data-state', 'saved');

  // Offline: Olga edits the draft and issues it.
  await olga.setOffline(true);
  await expect(o.editor.syncStatus).toHaveAttribute('data-state', 'offline');
  await line.type({ quantity: '2' });
  await expect(o.editor.totalInclTax).toHaveText(euros('1920,00'));
  await expect(o.editor.checklistOk).toBeVisible();
  await o.editor.issue();

  await expect(o.editor.status).toHaveAttribute('data-status', 'pending');
  await expect(o.editor.status).toHaveText('En attente d’émission');
  await expect(o.editor.pendingNotice).toBeVisible();
  await expect(o.editor.number).toHaveCount(0);
  await expect(o.editor.title).toHaveText('Facture — brouillon');
  // Pending, the draft no longer changes on this device either.
  await expect(o.editor.line(0).quantity).toBeDisabled();
  await expect(o.editor.issueButton).toHaveCount(0);
  // Nothing reached the server: there it is still a draft without a number.
  expect(await onServer(olga, companyId, invoiceId)).toMatchObject({ status: 'draft', number: null });
  await expect(o.editor.status).toHaveAttribute('data-status', 'pending');

  // Back online: the number arrives by itself, and the issued invoice holds the offline edit.
  await olga.setOffline(false);
  await expect(o.editor.number).toHaveText(invoiceNumber, { timeout: 20_000 });
  const number = (await o.editor.number.innerText()).trim();
  await expect(o.editor.status).toHaveAttribute('data-status', 'issued');
  await expect(o.editor.pendingNotice).toHaveCount(0);
  await expect(o.editor.documentNumber).toHaveText(number);
  await expect(o.editor.documentTotal).toHaveText(euros('1920,00'));
  await expect(o.editor.lateEditsNotice).toHaveCount(0);
  expect(await onServer(olga, companyId, invoiceId)).toMatchObject({ status: 'issued', number, totalInclTax: '1920.00' });

  await o.list.navigate();
  await expect(o.list.number(invoiceId)).toHaveText(number);
  await expect(o.list.status(invoiceId)).toHaveAttribute('data-status', 'issued');
  await expect(o.list.row(invoiceId).getByTestId('late-edits-badge')).toHaveCount(0);
});

test('"Créer un avoir" on an issued invoice opens a draft credit note referencing it, issued as AV-YYYY-NNNNN', async ({ demoOwner, tag }) => {
  const { owner: chloe, companyId } = await demoOwner(`Chloé Credit ${tag}`);
  const c = screensOf(chloe);
  const customerId = await createIssuableCustomer(chloe, companyId, `Brasserie Avoir ${tag}`);

  await c.list.navigate();
  const invoiceId = await c.list.create();
  await c.editor.chooseCustomer(customerId);
  await c.editor.addLine({ description: 'Refonte du site', quantity: '1', unitPrice: '1200' });
  await expect(c.editor.totalInclTax).toHaveText(euros('1440,00'));
  await c.editor.issue();
  await expect(c.editor.number).toHaveText(invoiceNumber);
  const number = (await c.editor.number.innerText()).trim();

  // The credit note: a new draft document, crediting every line of the invoice it names.
  await expect(c.editor.creditNoteButton).toHaveText('Créer un avoir');
  await c.editor.creditNoteButton.click();
  await expect(chloe.page).not.toHaveURL(new RegExp(`/invoices/${invoiceId}$`));
  await expect(chloe.page).toHaveURL(/\/invoices\/dc_[A-Za-z0-9]+$/);
  const creditId = c.editor.documentId();
  expect(creditId).not.toBe(invoiceId);
  await expect(c.editor.title).toHaveText('Avoir — brouillon');
  await expect(c.editor.status).toHaveAttribute('data-status', 'draft');
  await expect(c.editor.precedingInvoice).toContainText(`Facture d’origine n° ${number}`);
  await expect(c.editor.customer).toHaveValue(customerId);
  await expect(c.editor.lines).toHaveCount(1);
  await expect(c.editor.line(0).description).toHaveValue('Refonte du site');
  // EN 16931 type 381: a credit note states positive amounts; its kind makes it a credit.
  await expect(c.editor.line(0).quantity).toHaveValue('1');
  await expect(c.editor.line(0).unitPrice).toHaveValue('1200');
  await expect(c.editor.totalInclTax).toHaveText(euros('1440,00'));

  await expect(c.editor.issueButton).toHaveText('Émettre l’avoir');
  await c.editor.issue();
  await expect(c.editor.number).toHaveText(creditNoteNumber);
  const creditNumber = (await c.editor.number.innerText()).trim();
  await expect(c.editor.title).toContainText('Avoir');
  await expect(c.editor.status).toHaveAttribute('data-status', 'issued');
  await expect(c.editor.document.getByTestId('doc-preceding')).toContainText(number);
  await expect(c.editor.editableInputs()).toHaveCount(0);
  // A credit note is not itself credited.
  await expect(c.editor.creditNoteButton).toHaveCount(0);
  expect(await onServer(chloe, companyId, creditId)).toMatchObject({ kind: 'credit_note', status: 'issued', number: creditNumber, totalInclTax: '1440.00' });

  // Both documents in the list, each with its own number and kind.
  await c.list.navigate();
  await expect(c.list.number(invoiceId)).toHaveText(number);
  await expect(c.list.row(creditId)).toHaveAttribute('data-kind', 'credit_note');
  await expect(c.list.number(creditId)).toHaveText(creditNumber);
  await expect(c.list.status(creditId)).toHaveAttribute('data-status', 'issued');
});
