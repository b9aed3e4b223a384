// Screenshots of the security screens (bank details, alerts, audit trail, history, API tokens, a paused
// company), for a human to look at.
// Usage (repo root): npx tsx web/scripts/security-screenshots.ts <owner invite link> <server data dir> [outDir]
// (a fresh `npx facturo demo` link of a server run with FACTURO_DATA_DIR=<dir>: the script alters one entry
// of its audit log to show the paused company). Prints what it did; fails loudly when a step does not happen.
import path from 'node:path';
import { createClient } from '@libsql/client';

import { screenshots } from './shots';

const [link, dataDir] = process.argv.slice(2);
const out = process.argv[4] ?? '/tmp/shots-security';
if (!link || !dataDir) throw new Error('usage: security-screenshots.ts <invite link> <server data dir> [outDir]');
const origin = new URL(link).origin;

const { person, shot, step, register, start } = screenshots(origin, out);

/** Alters one entry of the company's log behind the server's back (a byte of its ciphertext), as a tampered backup would. */
async function tamper(companyId: string) {
  const db = createClient({ url: `file:${path.join(dataDir ?? '', 'facturo.db')}` });
  const row = (await db.execute({ sql: 'SELECT l.seq, l.entry FROM log l JOIN log_names n ON n.id = l.company WHERE n.name = ? ORDER BY l.company_seq LIMIT 1 OFFSET 2', args: [companyId] })).rows[0];
  if (!row) throw new Error('no log entry to alter');
  const entry = Buffer.from(row.entry as ArrayBuffer);
  // Not its last 32 bytes: those are its own hash, which the next entry links to.
  const at = Math.floor((entry.length - 32) / 2);
  entry[at] = (entry[at] ?? 0) ^ 0xff;
  await db.execute({ sql: 'UPDATE log SET entry = ? WHERE seq = ?', args: [entry, row.seq] });
  db.close();
}

const { browser, owner, companyId, base, invite } = await start(link);
const adam = await person(browser);
await register(adam, await invite(owner, 'admin'), 'Adam Martin');

step('bank details: as they are, then Adam asks for a change (a wrong IBAN first)');
await owner.goto(`${base}/settings`);
await owner.getByTestId('bank-section').scrollIntoViewIfNeeded();
await shot(owner, '01-bank-current', false);
await adam.goto(`${base}/settings`);
await adam.getByTestId('bank-ask').click();
await adam.locator('#bank-iban').fill('FR76 3000 6000 0112 3456 7890 188');
await adam.locator('#bank-bic').fill('PSSTFR1');
await adam.getByTestId('bank-submit').click();
await adam.getByTestId('field-error').first().waitFor();
await adam.getByTestId('bank-section').scrollIntoViewIfNeeded();
await shot(adam, '02-bank-form-errors', false);
await adam.locator('#bank-iban').fill('FR14 2004 1010 0505 0001 3M02 606');
await adam.locator('#bank-bic').fill('PSSTFRPPXXX');
await adam.getByTestId('bank-submit').click();
await adam.getByTestId('bank-pending').waitFor();
await adam.getByTestId('bank-section').scrollIntoViewIfNeeded();
await shot(adam, '03-bank-pending-asker', false);

step('the owner sees the alert, the request, and approves it');
await owner.goto(`${base}/alerts`);
await owner.getByTestId('alert').first().waitFor();
await shot(owner, '04-alerts-unread');
await owner.goto(`${base}/settings`);
await owner.getByTestId('bank-approve').scrollIntoViewIfNeeded();
await shot(owner, '05-bank-pending-approver', false);
await owner.getByTestId('bank-approve').click();
await owner.getByTestId('bank-decision-dialog').waitFor();
await shot(owner, '06-bank-approve-dialog', false);
await owner.getByTestId('confirm-bank-decision').click();
await owner.getByTestId('bank-done').waitFor();
await owner.getByTestId('bank-iban').filter({ hasText: 'FR14' }).waitFor();
await owner.getByTestId('bank-section').scrollIntoViewIfNeeded();
await shot(owner, '07-bank-approved', false);
await owner.goto(`${base}/alerts`);
await owner.getByTestId('alert').nth(1).waitFor();
await owner.getByTestId('alert-mark-read').first().click();
await owner.locator('[data-testid="alert"][data-read="yes"]').first().waitFor();
await shot(owner, '08-alerts-one-read');

step('history of a customer, a product and a draft; the members’ activity');
await owner.goto(`${base}/customers/new`);
await owner.locator('#field-name').fill('Boulangerie Martin');
await owner.locator('#field-city').fill('Lyon');
await owner.getByTestId('create-record').click();
await owner.waitForURL(/\/customers\/cu_/);
const customerPath = new URL(owner.url()).pathname;
await adam.goto(customerPath);
await adam.locator('#field-city').fill('Nantes');
await adam.locator('#field-phone').pressSequentially('02 40 00 00 00', { delay: 20 });
await adam.locator('#field-email').fill('contact@boulangerie-martin.fr');
await adam.waitForTimeout(1500);
await owner.reload();
await owner.getByTestId('history').locator('summary').click();
await owner.getByTestId('change').first().waitFor();
await owner.getByTestId('history').scrollIntoViewIfNeeded();
await shot(owner, '09-customer-history', false);
await owner.goto(`${base}/products`);
await owner.getByTestId('product-row').first().locator('a').first().click();
await owner.waitForURL(/\/products\/pr_/);
await owner.locator('#field-unitPrice').fill('2600');
await owner.waitForTimeout(1200);
await owner.reload();
await owner.getByTestId('history').locator('summary').click();
await owner.getByTestId('change').first().waitFor();
await owner.getByTestId('history').scrollIntoViewIfNeeded();
await shot(owner, '10-product-history', false);
await owner.goto(`${base}/invoices`);
await owner.getByTestId('new-invoice').click();
await owner.waitForURL(/\/invoices\/dc_/);
await owner.locator('#field-customerId').selectOption({ label: 'Boulangerie Martin — Nantes' });
await owner.getByTestId('add-line').click();
await owner.getByTestId('invoice-line').first().getByLabel('Description').fill('Pains au levain');
await owner.getByTestId('invoice-line').first().getByLabel('Quantité').fill('12');
await owner.waitForTimeout(1200);
await owner.reload();
await owner.getByTestId('history').locator('summary').click();
await owner.getByTestId('change').first().waitFor();
await owner.getByTestId('history').scrollIntoViewIfNeeded();
await shot(owner, '11-draft-history', false);
await owner.goto(`${base}/members`);
await owner.getByTestId('member-row').nth(1).waitFor();
await shot(owner, '12-members-activity-links');
await owner.getByTestId('member-row').filter({ hasText: 'Adam Martin' }).getByTestId('member-trail').click();
await owner.getByTestId('trail-changes').waitFor();
await shot(owner, '13-member-activity');

step('API tokens: empty, the form, the secret once, the list, revoking');
await owner.goto(`${base}/tokens`);
await owner.getByTestId('new-token').click();
await owner.locator('#token-name').fill('Export comptable');
await owner.locator('#token-role').selectOption('accountant');
await owner.locator('[data-permission="invoices.issue"] input').uncheck();
await shot(owner, '14-token-form');
await owner.getByTestId('token-submit').click();
await owner.getByTestId('token-secret').waitFor();
await shot(owner, '15-token-secret');
await owner.getByTestId('token-secret-done').click();
await owner.getByTestId('new-token').click();
await owner.locator('#token-name').fill('Boutique en ligne');
await owner.locator('[data-days="never"] input').check();
await owner.getByTestId('token-submit').click();
await owner.getByTestId('token-secret-done').click();
await owner.getByTestId('token-row').nth(1).waitFor();
await shot(owner, '16-token-list');
await owner.getByTestId('revoke-token').first().click();
await owner.getByTestId('revoke-token-dialog').waitFor();
await shot(owner, '17-token-revoke-dialog', false);
await owner.getByTestId('confirm-revoke-token').click();
await owner.locator('[data-testid="token-row"][data-status="revoked"]').waitFor();

step('the audit trail, in French then English');
await owner.goto(`${base}/audit`);
await owner.getByTestId('event').first().waitFor();
await owner.getByTestId('integrity-check').click();
await owner.getByTestId('integrity-checked').waitFor();
await shot(owner, '18-audit');
await owner.getByTestId('lang-toggle').click();
await shot(owner, '19-audit-en');
await owner.goto(`${base}/alerts`);
await owner.getByTestId('alert').first().waitFor();
await shot(owner, '20-alerts-en');
await owner.getByTestId('lang-toggle').click();

step('on a phone');
const phone = await person(browser, { width: 390, height: 800 });
await register(phone, await invite(owner, 'admin'), 'Paul Admin');
await phone.goto(`${base}/alerts`);
await phone.getByTestId('alert').first().waitFor();
await shot(phone, '21-mobile-alerts');
await phone.goto(`${base}/audit`);
await phone.getByTestId('event').first().waitFor();
await shot(phone, '22-mobile-audit');
await phone.goto(`${base}/tokens`);
await phone.getByTestId('token-row').first().waitFor();
await shot(phone, '23-mobile-tokens');
await phone.goto(`${base}/settings`);
await phone.getByTestId('bank-section').scrollIntoViewIfNeeded();
await shot(phone, '24-mobile-bank', false);

step('a company whose audit log was altered: paused, then resumed by the owner');
await tamper(companyId);
await owner.goto(`${base}/audit`);
await owner.getByTestId('integrity-check').click();
await owner.locator('[data-testid="integrity-state"][data-status="broken"]').waitFor();
await shot(owner, '25-audit-broken');
await owner.goto(`${base}/customers`);
await owner.getByTestId('chain-broken').waitFor();
await shot(owner, '26-paused-owner');
await adam.goto(`${base}/customers`);
await adam.getByTestId('chain-broken').waitFor();
await shot(adam, '27-paused-admin');
await owner.getByTestId('chain-broken-open').click();
await owner.locator('#integrity-note').fill('Restauration de la sauvegarde du 3 mars par notre prestataire.');
await owner.getByTestId('acknowledge-submit').click();
await owner.locator('[data-testid="integrity-state"][data-status="ok"]').waitFor();
await owner.getByTestId('event').first().waitFor();
await shot(owner, '28-audit-resumed');
await browser.close();
