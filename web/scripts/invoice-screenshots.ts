// Screenshots of the invoice screens against a running server, for a human to look at.
// Usage (repo root): npx tsx web/scripts/invoice-screenshots.ts <owner invite link> [outDir]
// (a fresh `npx facturo demo` link). Prints what it checked; fails loudly when a step does not happen.
import type { Page } from '@playwright/test';
import { screenshots } from './shots';

const link = process.argv[2];
const out = process.argv[3] ?? '/tmp/shots-inv';
if (!link) throw new Error('usage: invoice-screenshots.ts <invite link> [outDir]');
const origin = new URL(link).origin;

const { person, shot, step, register, start } = screenshots(origin, out);

/** A new draft for a customer with a product line and a free line. */
async function fillInvoice(page: Page, customer: string) {
  await page.getByTestId('new-invoice').click();
  await page.waitForURL(/\/invoices\/dc_/);
  await page.locator('#field-customerId').selectOption({ label: customer });
  await page.getByTestId('add-product').selectOption({ index: 1 });
  await page.getByTestId('add-line').click();
  const line = page.getByTestId('invoice-line').nth(1);
  await line.getByLabel('Description').fill('Réunion de lancement et atelier');
  await line.getByLabel('Quantité').fill('2,5');
  await line.getByLabel('Prix unitaire HT').fill('650');
  await line.getByLabel('TVA').selectOption('10');
}

const { browser, owner, base } = await start(link);

await owner.goto(`${base}/invoices`);
await owner.getByTestId('new-invoice').waitFor();
await shot(owner, '01-list-empty');

await owner.getByTestId('new-invoice').click();
await owner.waitForURL(/\/invoices\/dc_/);
await owner.getByTestId('issue-checklist').waitFor();
await shot(owner, '02-editor-new');
await owner.goBack();

await fillInvoice(owner, 'Boulangerie Martin — Lyon');
await owner.getByTestId('checklist-ok').waitFor();
step(`totals: ${await owner.getByTestId('invoice-total').textContent()}`);
await shot(owner, '03-editor-filled');
const first = owner.getByTestId('invoice-line').first();
await first.getByLabel('Quantité').fill('abc');
await first.getByLabel('Description').click();
await first.getByLabel('TVA').selectOption('0');
await owner.getByTestId('line-problems').first().waitFor();
await shot(owner, '04-editor-line-errors');
await first.getByLabel('TVA').selectOption('20');
await first.getByLabel('Quantité').fill('1');

await owner.getByRole('button', { name: 'Émettre la facture' }).click();
await owner.getByTestId('issue-dialog').waitFor();
await shot(owner, '05-issue-dialog', false);
await owner.getByTestId('confirm-issue').click();
await owner.locator('[data-testid="invoice-status"][data-status="issued"]').waitFor({ timeout: 30_000 });
await owner.getByTestId('invoice-document').waitFor();
step(`issued as ${await owner.getByTestId('invoice-number').textContent()}`);
await shot(owner, '06-issued-view');
const issuedUrl = owner.url();

await owner.getByTestId('print-link').click();
await owner.getByTestId('print-button').waitFor();
await shot(owner, '07-print-desktop');
await owner.emulateMedia({ media: 'print' });
await shot(owner, '08-print-media');
await owner.emulateMedia({ media: 'screen' });

await owner.goto(issuedUrl);
await owner.getByTestId('send-email').click();
await owner.getByTestId('send-submit').click();
await owner.getByTestId('send-result').waitFor();
step(`send: ${await owner.getByTestId('send-result').textContent()}`);
await shot(owner, '09-send-result', false);

await owner.getByTestId('create-credit-note').click();
await owner.waitForURL((u) => u.href !== new URL(issuedUrl).href && /\/invoices\/dc_/.test(u.pathname));
await owner.getByTestId('preceding-invoice').waitFor({ timeout: 20_000 });
await shot(owner, '10-credit-note-draft');

// Offline: the issue waits in the outbox, then goes when the network is back.
await owner.goto(`${base}/invoices`);
await fillInvoice(owner, 'Clinique vétérinaire des Alpes — Grenoble');
await owner.waitForTimeout(800);
await owner.context().setOffline(true);
await owner.getByRole('button', { name: 'Émettre la facture' }).click();
await owner.getByTestId('confirm-issue').click();
await owner.locator('[data-testid="invoice-status"][data-status="pending"]').waitFor();
await shot(owner, '11-pending-offline');
await owner.goto(`${base}/invoices`).catch(() => undefined);
await owner.getByTestId('invoice-row').first().waitFor().catch(() => undefined);
await shot(owner, '12-list-offline');
await owner.context().setOffline(false);
await owner.waitForTimeout(500);
await owner.goto(`${base}/invoices`);
await owner.locator('[data-testid="invoice-row"] [data-status="pending"]').waitFor({ state: 'detached', timeout: 40_000 }).catch(() => step('pending row still there after 40 s'));
await owner.waitForTimeout(1500);
await owner.reload();
await owner.getByTestId('invoice-row').first().waitFor();
await shot(owner, '13-list');

// Late edits: a teammate issues while the owner edits offline.
await owner.goto(`${base}/members`);
await owner.locator('#invite-role').selectOption('admin');
await owner.locator('form:has(#invite-role) button[type="submit"]').click();
const teammateLink = await owner.getByTestId('invite-link').inputValue();
const mate = await person(browser, { width: 390, height: 844 });
await register(mate, teammateLink, 'Théo Martin');
await owner.goto(`${base}/invoices`);
await fillInvoice(owner, 'Hôtel Le Grand Cerf — Beaune');
const lateUrl = owner.url();
await owner.waitForTimeout(1500);
await mate.goto(new URL(lateUrl).pathname);
await mate.getByTestId('invoice-line').first().waitFor();
await shot(mate, '14-mobile-editor-presence', false);
await owner.context().setOffline(true);
await owner.getByTestId('invoice-line').first().getByLabel('Quantité').fill('3');
await mate.getByRole('button', { name: 'Émettre la facture' }).click();
await mate.getByTestId('confirm-issue').click();
await mate.locator('[data-testid="invoice-status"][data-status="issued"]').waitFor({ timeout: 30_000 });
await mate.getByTestId('invoice-document').waitFor();
await shot(mate, '15-mobile-issued', true);
await mate.goto(`${new URL(lateUrl).pathname}/print`);
await mate.getByTestId('print-button').waitFor();
await shot(mate, '16-mobile-print', true);
await owner.context().setOffline(false);
await owner.getByTestId('late-edits-notice').waitFor({ timeout: 40_000 });
await shot(owner, '17-late-edits');
await owner.goto(`${base}/invoices`);
await owner.getByTestId('late-edits-badge').waitFor();
await shot(owner, '17b-list-late-edits-badge', false);
await owner.goto(new URL(lateUrl).pathname);
await owner.getByTestId('late-edits-notice').waitFor({ timeout: 40_000 });
await owner.getByTestId('late-edits-copy').click();
await owner.waitForURL((u) => u.href !== lateUrl);
await owner.getByTestId('invoice-line').first().waitFor();
step(`copied quantity: ${await owner.getByTestId('invoice-line').first().getByLabel('Quantité').inputValue()}`);
await shot(owner, '18-copied-draft');

await owner.goto(`${base}/settings`);
await owner.locator('#field-siren').fill('123456789');
await owner.locator('#field-phone').click();
await owner.getByTestId('series-section').scrollIntoViewIfNeeded();
await owner.locator('#series-format').fill('FC-{YYYY}-{SEQ}');
await shot(owner, '19-settings');
await owner.getByTestId('lang-toggle').click();
await owner.goto(`${base}/invoices`);
await owner.getByTestId('invoice-row').first().click();
await owner.waitForTimeout(800);
await shot(owner, '20-english');
await owner.getByTestId('lang-toggle').click();

/** Issues the open draft and shows its printable view. */
async function issueAndPrint(page: Page, name: string) {
  await page.getByTestId('issue-button').click();
  await page.getByTestId('confirm-issue').click();
  await page.locator('[data-testid="invoice-status"][data-status="issued"]').waitFor({ timeout: 30_000 });
  await page.getByTestId('print-link').click();
  await page.getByTestId('print-button').waitFor();
  await page.emulateMedia({ media: 'print' });
  await shot(page, name);
  await page.emulateMedia({ media: 'screen' });
}

// The credit note made from F-2026-00001: "Avoir" and the original invoice on paper.
await owner.goto(`${base}/invoices`);
await owner.locator('[data-testid="invoice-row"][data-kind="credit_note"]').first().click();
await owner.getByTestId('preceding-invoice').waitFor();
await issueAndPrint(owner, '21-credit-note-print');

// A demo draft for a British customer: the document speaks English.
await owner.goto(`${base}/invoices`);
await owner.getByRole('row', { name: /Brightwave/ }).first().click();
await owner.getByTestId('invoice-line').first().waitFor();
await issueAndPrint(owner, '22-english-customer-print');

// Franchise en base: new lines carry no VAT and the art. 293 B mention.
await owner.goto(`${base}/settings`);
await owner.locator('#field-siren').fill('912345675');
await owner.locator('#field-vatRegime').selectOption('franchise');
await owner.goto(`${base}/invoices`);
await owner.getByTestId('new-invoice').click();
await owner.waitForURL(/\/invoices\/dc_/);
await owner.locator('#field-customerId').selectOption({ label: 'Sophie Durand — Bordeaux' });
await owner.getByTestId('add-product').selectOption({ index: 3 });
await owner.getByTestId('checklist-ok').waitFor();
await shot(owner, '23-franchise-editor');
await issueAndPrint(owner, '24-franchise-print');
await browser.close();
