// Screenshots of the customers list, a customer's page with its danger zone, and erasing a customer's
// personal data (refused while drafts name it, then done), in French, for a human to look at.
// Usage (repo root): npx tsx web/scripts/customer-screenshots.ts <owner invite link> [outDir]
// (a fresh `npx facturo demo` link). Prints what it did; fails loudly when a step does not happen.

import { screenshots } from './shots';

const link = process.argv[2];
const out = process.argv[3] ?? '/tmp/shots-customers';
if (!link) throw new Error('usage: customer-screenshots.ts <invite link> [outDir]');
const origin = new URL(link).origin;

const { shot, step, start } = screenshots(origin, out);

const { browser, owner, base } = await start(link);

step('the list, once every customer is fetched');
await owner.goto(`${base}/customers`);
await owner.getByTestId('customer-row').nth(5).waitFor();
await shot(owner, '01-customers');

step('a customer with a draft: its page, the danger zone, the dialog, the refusal');
await owner.getByTestId('customer-row').filter({ hasText: 'Boulangerie Martin' }).getByRole('link').click();
await owner.getByTestId('erase-section').waitFor();
await shot(owner, '02-customer-page');
await owner.getByTestId('erase-section').screenshot({ path: `${out}/03-danger-zone.png` });
await owner.getByTestId('erase-open').click();
await owner.getByTestId('erase-confirm').click();
await owner.locator('#erase-reason-error').waitFor();
await shot(owner, '04-erase-dialog-no-reason', false);
await owner.locator('#erase-reason').fill('Demande de la cliente par e-mail du 1er décembre');
await owner.getByTestId('erase-confirm').click();
await owner.getByTestId('erase-drafts').waitFor();
await owner.getByTestId('erase-section').screenshot({ path: `${out}/05-erase-refused-drafts.png` });

step('a customer without drafts: erased, the list says so');
await owner.goto(`${base}/customers`);
const row = owner.getByTestId('customer-row').filter({ hasText: 'Sophie Durand' }).first();
const name = (await row.getByRole('link').innerText()).trim();
const customerUrl = `${base}/customers/${await row.getAttribute('data-id')}`;
await row.getByRole('link').click();
await owner.getByTestId('erase-open').click();
await owner.locator('#erase-reason').fill('Plus de relation commerciale depuis 2020');
await owner.getByTestId('erase-confirm').click();
await owner.getByTestId('customer-erased-done').waitFor();
await shot(owner, '06-erased-list');
console.log(`  erased ${name}`);
await owner.goto(customerUrl);
await owner.getByTestId('customer-erased').waitFor();
await shot(owner, '07-erased-page');

await browser.close();
console.log(`screenshots in ${out}`);
