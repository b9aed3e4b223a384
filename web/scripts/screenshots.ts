// Takes screenshots of every screen against a running server, for a human to look at.
// Usage (repo root): npx tsx web/scripts/screenshots.ts <invite link from `npx facturo demo`> [outDir]
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { addVirtualAuthenticator } from '../../e2e/support/authenticator';

const link = process.argv[2];
const out = process.argv[3] ?? '/tmp/shots';
if (!link) throw new Error('usage: screenshots.ts <invite link> [outDir]');
const origin = new URL(link).origin;
mkdirSync(out, { recursive: true });

async function person(browser: Browser, viewport = { width: 1280, height: 860 }): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin, viewport });
  const page = await context.newPage();
  await addVirtualAuthenticator(page);
  return page;
}

const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `${out}/${name}.png`, fullPage });

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
const owner = await person(browser);
await owner.goto('/signin');
await shot(owner, '01-signin');
await owner.goto(new URL(link).pathname);
await owner.getByTestId('invite-summary').waitFor();
await shot(owner, '02-invite');
await owner.locator('#invite-name').fill('Marie Dupont');
await owner.getByTestId('invite-register').click();
await owner.waitForURL(/\/customers$/);
await owner.getByTestId('sync-status').waitFor();
await owner.waitForTimeout(800);
await shot(owner, '03-customers');
const companyId = /\/c\/([^/]+)/.exec(owner.url())?.[1] ?? '';

await owner.getByTestId('new-customer').click();
await owner.locator('#field-email').fill('pas-un-email');
await owner.locator('#field-country').fill('France');
await owner.getByTestId('create-record').click();
await shot(owner, '04-new-customer-errors');
await owner.locator('#field-name').fill('Menuiserie Lefèvre');
await owner.locator('#field-email').fill('contact@lefevre.fr');
await owner.locator('#field-country').fill('FR');
await owner.locator('#field-city').fill('Annecy');
await owner.getByTestId('create-record').click();
await owner.waitForURL(/\/customers\/cu_/);
await owner.locator('#field-siren').fill('12345');
await owner.locator('#field-phone').click();
await shot(owner, '05-customer-editor-invalid-siren');
await owner.locator('#field-siren').fill('');
for (const c of [{ name: 'Claire Lefèvre', role: 'Comptabilité', email: 'compta@lefevre.fr', phone: '04 50 12 34 56' }, { name: 'Julien Morel', role: 'Achats', email: 'j.morel@lefevre.fr' }]) {
  await owner.getByTestId('add-contact').click();
  for (const [field, value] of Object.entries(c)) await owner.locator(`#new-contact-${field}`).fill(value);
  await owner.getByTestId('save-contact').click();
}
await owner.getByTestId('add-contact').click();
await owner.getByTestId('save-contact').click();
await owner.getByTestId('contacts-section').screenshot({ path: `${out}/05b-customer-contacts.png` });

await owner.goto(`/c/${companyId}/settings`);
await owner.locator('#field-legalName').waitFor();
await shot(owner, '06-settings');
await owner.goto(`/c/${companyId}/products`);
await owner.getByTestId('new-product').waitFor();
await shot(owner, '07-products');
await owner.getByTestId('new-product').click();
await owner.locator('#field-name').fill('Audit de sécurité');
await owner.locator('#field-unitPrice').fill('1 250,50');
await owner.getByTestId('create-record').click();
await owner.waitForURL(/\/products\/pr_/);
await shot(owner, '08-product-editor');
await owner.goto(`/c/${companyId}/products`);
await owner.getByTestId('product-row').first().waitFor();
await shot(owner, '09-products-list');

await owner.goto(`/c/${companyId}/members`);
await owner.locator('#invite-role').selectOption('sales');
await owner.locator('form:has(#invite-role) button[type="submit"]').click();
const teammateLink = await owner.getByTestId('invite-link').inputValue();
await shot(owner, '10-members');
await owner.goto('/account');
await owner.getByTestId('passkey-row').first().waitFor();
await shot(owner, '11-account');
await owner.goto('/companies');
await shot(owner, '12-companies');

const teammate = await person(browser, { width: 390, height: 800 });
await teammate.goto(new URL(teammateLink).pathname);
await teammate.locator('#invite-name').fill('Théo Martin');
await teammate.getByTestId('invite-register').click();
await teammate.waitForURL(/\/customers$/);
await teammate.getByTestId('customer-row').first().waitFor();
await shot(teammate, '13-mobile-customers', false);
await teammate.locator('.menu-btn').click();
await teammate.waitForTimeout(400);
await shot(teammate, '14-mobile-menu', false);
await teammate.locator('.scrim').click({ position: { x: 370, y: 400 } });
await owner.goto(`/c/${companyId}/customers`);
await owner.getByRole('link', { name: 'Menuiserie Lefèvre' }).click();
await teammate.getByRole('link', { name: 'Menuiserie Lefèvre' }).click();
await teammate.locator('#field-city').click();
await teammate.locator('#field-city').pressSequentially(' Centre', { delay: 30 });
await owner.getByTestId('field-editor').waitFor();
await owner.locator('#field-city').scrollIntoViewIfNeeded();
await shot(owner, '15-presence-co-editing', false);
await shot(teammate, '16-mobile-editor', false);

await owner.context().setOffline(true);
await owner.locator('#field-phone').fill('04 50 11 22 33');
await owner.locator('[data-state="offline"]').waitFor();
await shot(owner, '17-offline', false);
await owner.context().setOffline(false);
await owner.locator('[data-state="saved"]').waitFor({ timeout: 20_000 });
await owner.getByTestId('lang-toggle').click();
await shot(owner, '18-english-editor');
await owner.getByTestId('contacts-section').screenshot({ path: `${out}/18b-english-contacts.png` });
await browser.close();
