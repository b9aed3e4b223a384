import { readFile, writeFile } from 'node:fs/promises';
import { textOf } from '../../core/src/documents/pdf/text.testing';
import { DocumentSettingsPage } from '../pages/DocumentSettingsPage';
import { InvoiceEditorPage } from '../pages/InvoiceEditorPage';
import { InvoicesPage } from '../pages/InvoicesPage';
import { recordCspViolations } from '../support/csp';
import { expect, test } from '../support/fixtures';
import type { Person } from '../support/person';
import { shot } from '../support/shots';

/*
 * Issue 5: documents without code. The look of invoices (with a sample drawn on the device), text blocks
 * with variables, a draft's PDF preview (offline too) and the archived Factur-X PDF and XML of an issued one.
 */

/** A customer any invoice may be issued to: a French company with a valid SIREN and a full address. */
async function createIssuableCustomer(p: Person, companyId: string, name: string): Promise<string> {
  await p.page.goto(`/c/${companyId}/customers/new`);
  return p.editor.create({ name, siren: '552100554', email: 'compta@example.fr', line1: '14 rue des Tanneurs', postcode: '67000', city: 'Strasbourg', country: 'FR' });
}

/** A draft invoice for a new customer with one line of 2 × 750 € at 20 %: 1 800,00 € TTC. */
async function draftWithOneLine(p: Person, companyId: string, customerName: string): Promise<{ editor: InvoiceEditorPage; invoiceId: string }> {
  const customerId = await createIssuableCustomer(p, companyId, customerName);
  const list = new InvoicesPage(p.page);
  const editor = new InvoiceEditorPage(p.page);
  await list.navigate();
  const invoiceId = await list.create();
  await editor.chooseCustomer(customerId);
  await expect(editor.customerSummary).toContainText('SIREN 552100554');
  await editor.addLine({ description: 'Accompagnement stratégique', quantity: '2', unitPrice: '750' });
  await expect(editor.totalInclTax).toContainText('1\u202f800,00');
  return { editor, invoiceId };
}

test('an owner changes the accent colour and the footer and sees them in the preview; a wrong colour is refused under the field', async ({ demoOwner, tag }) => {
  const { owner, companyId } = await demoOwner(`Olivia Layout ${tag}`);
  // jsPDF, pdf-lib and pdf.js run under the server's strict CSP (no eval, no inline, no frames).
  const violations = await recordCspViolations(owner.context);
  const docs = new DocumentSettingsPage(owner.page);
  await owner.page.goto(`/c/${companyId}/settings`);
  await docs.openFromSettings();
  // The demo company is shared by the tests of a worker: start from the default colour.
  await docs.accentHex.fill('#1f4e79');
  await docs.preview.expectReady();
  await expect.poll(() => docs.preview.pixelsOf('#1f4e79'), { timeout: 15_000 }).toBeGreaterThan(500);
  expect(await docs.preview.pixelsOf('#8a3b12')).toBe(0);

  await docs.accentHex.fill('#8A3B12');
  await expect(docs.accentPicker).toHaveValue('#8a3b12');
  const footer = `www.boreal-${tag}.fr — assurance RC Pro n° 4521`;
  await docs.footer.fill(footer);
  await docs.footer.blur();
  await docs.preview.expectReady();
  // What the person sees: the sample's title and table header in the new colour, and the footer in its text.
  await expect.poll(() => docs.preview.pixelsOf('#8a3b12'), { timeout: 15_000 }).toBeGreaterThan(500);
  const text = await textOf(await docs.preview.pdfBytes());
  expect(text).toContain(footer);
  expect(text).toContain('EXEMPLE');

  // A colour that is none: refused under the field, the colour in force stays.
  await docs.accentHex.fill('bleu');
  await docs.accentHex.blur();
  await expect(docs.fieldError('accentColor')).toHaveText('Une couleur au format #RRGGBB, par ex. #1f4e79.');
  await expect(docs.accentPicker).toHaveValue('#8a3b12');

  // The optional columns: with "Remise" hidden, the sample's discount moves into its line's description.
  expect(text).not.toContain('Remise 10 %');
  await docs.discountColumn.uncheck();
  await docs.preview.expectReady();
  await expect.poll(async () => (await textOf(await docs.preview.pdfBytes())).includes('Remise 10 %'), { timeout: 15_000 }).toBe(true);
  await docs.discountColumn.check();
  await docs.preview.expectReady();
  await shot(owner.page, 'appearance-fr');
  await owner.page.getByTestId('lang-toggle').click();
  await docs.preview.expectReady();
  await expect.poll(async () => (await textOf(await docs.preview.pdfBytes())).includes('SAMPLE'), { timeout: 15_000 }).toBe(true);
  await shot(owner.page, 'appearance-en');
  expect(violations).toEqual([]);
});

test('a text block with an unknown variable is refused, naming it and the variable meant; fixed, it is saved and inserted into a draft’s notes', async ({ demoOwner, tag }) => {
  const { owner, companyId } = await demoOwner(`Théo Blocks ${tag}`);
  const docs = new DocumentSettingsPage(owner.page);
  await docs.goto(companyId);
  const site = `site_${tag}`;
  await docs.addCustomValue(site, `www.boreal-${tag}.fr`);

  await docs.newBlockButton.click();
  const name = `Remerciements ${tag}`;
  await docs.blockName.fill(name);
  await docs.blockBody.fill(`Merci de votre confiance, {{customer.name}}. Total : {{invoice.totl}}. Suivez-nous sur {{custom.${site}}}.`);
  await expect(docs.unknownVariables).toHaveCount(1);
  await expect(docs.unknownVariables).toHaveText(/Variable inconnue : \{\{invoice\.totl\}\} — vouliez-vous dire \{\{invoice\.total\}\} \?/);
  await expect(docs.saveBlockButton).toBeDisabled();
  await shot(owner.page, 'text-block-error');
  // Nothing saved while it is wrong.
  await expect(docs.block(name)).toHaveCount(0);

  await docs.replaceVariableButton.click();
  await expect(docs.blockBody).toHaveValue(/\{\{invoice\.total\}\}/);
  await expect(docs.unknownVariables).toHaveCount(0);
  await expect(docs.blockPreview).toContainText(`Merci de votre confiance, Boulangerie Martin. Total : 1\u202f797,00\u00a0€. Suivez-nous sur www.boreal-${tag}.fr.`);
  await docs.saveBlockButton.click();
  await expect(docs.block(name)).toHaveCount(1);

  // In a draft: the block, rendered with this invoice's customer and totals, goes into the notes.
  const customerName = `Cartonnerie Alsacienne ${tag}`;
  const { editor } = await draftWithOneLine(owner, companyId, customerName);
  await editor.textBlockSelect.selectOption({ label: name });
  await editor.insertTextBlockButton.click();
  await expect(editor.insertBlockMessage).toContainText(`Bloc « ${name} » ajouté`);
  await expect(editor.notes).toHaveValue(`Merci de votre confiance, ${customerName}. Total : 1\u202f800,00\u00a0€. Suivez-nous sur www.boreal-${tag}.fr.`);
});

test('an issued invoice downloads as the Factur-X PDF (factur-x.xml inside) and as CII XML', async ({ demoOwner, tag }) => {
  const { owner, companyId } = await demoOwner(`Ines Issue ${tag}`);
  const { editor } = await draftWithOneLine(owner, companyId, `Verrerie Rhénane ${tag}`);
  await expect(editor.checklistOk).toBeVisible();
  await editor.issue();
  await expect(editor.number).toHaveText(/^F-\d{4}-\d{5}$/);
  const number = (await editor.number.innerText()).trim();
  await expect(editor.downloadPdf).toHaveText('Télécharger la facture (PDF Factur-X)');
  await shot(owner.page, 'issued-downloads');

  const [pdf] = await Promise.all([owner.page.waitForEvent('download'), editor.downloadPdf.click()]);
  expect(pdf.suggestedFilename()).toBe(`${number}.pdf`);
  const bytes = await readFile(await pdf.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.includes(Buffer.from('factur-x.xml'))).toBe(true);
  if (process.env.FACTURO_SHOTS) await writeFile(`${process.env.FACTURO_SHOTS}/issued.pdf`, bytes);

  const [cii] = await Promise.all([owner.page.waitForEvent('download'), editor.downloadCii.click()]);
  const xml = (await readFile(await cii.path())).toString('utf8');
  expect(xml).toContain('CrossIndustryInvoice');
  expect(xml).toContain(number);
});

test('a draft’s PDF preview is drawn on the device with the network off, marked as a draft', async ({ demoOwner, tag }) => {
  const { owner, companyId } = await demoOwner(`Paul Preview ${tag}`, { canGoOffline: true });
  const { editor } = await draftWithOneLine(owner, companyId, `Menuiserie du Ried ${tag}`);
  // The service worker holds the app (fonts and renderer included) once installed; a reload puts the page under it.
  await owner.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await owner.page.reload();
  await expect.poll(() => owner.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(editor.lines).toHaveCount(1);

  await owner.setOffline(true);
  await owner.shell.expectSyncState('offline');
  await editor.previewButton.click();
  await editor.preview.expectReady(30_000);
  await expect(editor.preview.pages).toHaveCount(1);
  const text = await textOf(await editor.preview.pdfBytes());
  expect(text).toContain('N° BROUILLON');
  expect(text).toContain('Aperçu d’un brouillon : ce document n’est pas une facture');
  expect(text).toContain('Accompagnement stratégique');
  expect(text).toContain('1 800,00 €');
  await shot(owner.page, 'draft-preview-offline');

  // Still offline: a change to the draft is drawn again.
  await editor.line(0).type({ quantity: '3' });
  await expect.poll(async () => (await textOf(await editor.preview.pdfBytes())).includes('2 700,00 €'), { timeout: 15_000 }).toBe(true);
});
