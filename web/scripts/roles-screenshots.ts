// Screenshots of the members and roles screens, and of what a restricted role sees, for a human to look at.
// Usage (repo root): npx tsx web/scripts/roles-screenshots.ts <owner invite link> [outDir]
// (a fresh `npx facturo demo` link). Prints what it did; fails loudly when a step does not happen.

import { screenshots } from './shots';

const link = process.argv[2];
const out = process.argv[3] ?? '/tmp/shots-roles';
if (!link) throw new Error('usage: roles-screenshots.ts <invite link> [outDir]');
const origin = new URL(link).origin;

const { person, shot, step, register, start } = screenshots(origin, out);

const { browser, owner, base, invite } = await start(link);

step('roles page, empty, then the form of a new role');
await owner.goto(`${base}/members/roles`);
await owner.getByTestId('role-matrix').waitFor();
await shot(owner, '01-roles-empty');
await owner.getByTestId('new-role').click();
await owner.locator('#role-name').fill('Owner');
await owner.getByTestId('save-role').click();
await owner.locator('#role-name-error').waitFor();
await shot(owner, '02-role-form-error');
await owner.locator('#role-name').fill('Relances');
await owner.locator('[data-permission="customers.edit"] input').check();
await owner.locator('[data-permission="invoices.send"] input').check();
await owner.getByTestId('save-role').click();
await owner.getByTestId('roles-done').waitFor();
await shot(owner, '03-roles-with-custom');

step('a teammate with the custom role, another as sales');
const rita = await person(browser);
await register(rita, await invite(owner, { label: 'Relances' }), 'Rita Moreau');
const theo = await person(browser);
await register(theo, await invite(owner, 'sales'), 'Théo Martin');
await owner.goto(`${base}/members`);
await owner.getByTestId('member-row').nth(2).waitFor();
await owner.locator('#invite-role').selectOption({ label: 'Relances' });
await shot(owner, '04-members');

step('change-role and remove dialogs');
await owner.getByTestId('member-row').filter({ hasText: 'Théo Martin' }).getByTestId('change-role').click();
await owner.getByTestId('change-role-dialog').waitFor();
await owner.locator('[data-role="accountant"] input').check();
await shot(owner, '05-change-role-dialog', false);
await owner.keyboard.press('Escape');
await owner.getByTestId('member-row').filter({ hasText: 'Théo Martin' }).getByTestId('remove-member').click();
await owner.getByTestId('remove-member-dialog').waitFor();
await shot(owner, '06-remove-dialog', false);
await owner.keyboard.press('Escape');

step('deleting a role still held');
await owner.goto(`${base}/members/roles`);
await owner.getByTestId('delete-role').click();
await owner.getByTestId('confirm-delete-role').click();
await owner.getByTestId('role-delete-error').waitFor();
await shot(owner, '07-delete-role-in-use', false);
await owner.keyboard.press('Escape');

step('what the custom role sees');
await rita.goto(`${base}/settings`);
await rita.getByTestId('bank-section').waitFor();
await shot(rita, '08-restricted-settings');
await rita.getByTestId('bank-section').scrollIntoViewIfNeeded();
await shot(rita, '09-restricted-bank', false);
await rita.goto(`${base}/members`);
await rita.getByTestId('member-row').nth(2).waitFor();
await shot(rita, '10-restricted-members');
await owner.goto(`${base}/invoices`);
await owner.getByTestId('new-invoice').click();
await owner.waitForURL(/\/invoices\/dc_/);
await owner.getByTestId('issue-checklist').waitFor();
await rita.goto(new URL(owner.url()).pathname);
await rita.getByTestId('issue-locked').waitFor();
await shot(rita, '11-restricted-draft');

step('in English, and on a phone');
await owner.goto(`${base}/members`);
await owner.getByTestId('member-row').nth(2).waitFor();
await owner.getByTestId('lang-toggle').click();
await shot(owner, '12-members-en');
await owner.goto(`${base}/members/roles`);
await owner.getByTestId('role-matrix').waitFor();
await shot(owner, '13-roles-en');
await owner.getByTestId('lang-toggle').click();
const phone = await person(browser, { width: 390, height: 800 });
await register(phone, await invite(owner, 'admin'), 'Paul Admin');
await phone.goto(`${base}/members`);
await phone.getByTestId('member-row').nth(3).waitFor();
await shot(phone, '14-mobile-members');
await phone.goto(`${base}/members/roles`);
await phone.getByTestId('role-matrix').waitFor();
await shot(phone, '15-mobile-roles');
await browser.close();
