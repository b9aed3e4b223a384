import { PortalPage } from '../pages/PortalPage';
import { QuoteEditorPage } from '../pages/QuoteEditorPage';
import { QuotesPage } from '../pages/QuotesPage';
import { expect, test } from '../support/fixtures';

/*
 * Issue 6, "Must hold": the client opens the signed, expiring link (no account), ticks an option, signs,
 * and the team sees the accepted state live in its app; a revoked link shows nothing but a message.
 * The demo template "Site vitrine clé en main" has three options: hosting (ticked), maintenance and
 * training (not ticked).
 */

const digits = (text: string) => text.replace(/\D/g, '');
const euros = (text: string) => Number(text.replace(/[^\d,]/g, '').replace(',', '.')); // number-ok: reading a displayed amount to compare

test('a revoked link shows nothing; the client ticks an option and signs on a new one; the team sees it live', async ({ demoOwner, browser, tag }) => {
  test.setTimeout(150_000);
  const { owner: anna } = await demoOwner(`Anna Owner ${tag}`);
  const list = new QuotesPage(anna.page);
  const editor = new QuoteEditorPage(anna.page);
  await list.navigate();
  await list.create({ customer: 'Boulangerie Martin', template: 'Site vitrine clé en main' });
  await expect(editor.syncStatus).toHaveAttribute('data-state', 'saved');
  await editor.submit();
  await expect(editor.lifecycleStatus).toHaveAttribute('data-status', 'approved');
  await editor.send();
  await expect(editor.lifecycleStatus).toHaveAttribute('data-status', 'sent');
  const number = (await editor.number.textContent())!.trim();
  const first = await editor.portalUrl.inputValue();
  expect(first).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);

  // The client: a browser of their own, no account, no cookie of the company's.
  const client = await browser.newContext({ locale: 'fr-FR' });
  try {
    const portal = new PortalPage(await client.newPage());
    // A revoked link shows nothing but a message: not the company, not the quote.
    await anna.page.getByTestId('revoke-portal-link').first().click();
    await expect(anna.page.getByTestId('portal-link').first()).toHaveAttribute('data-revoked', 'true');
    await portal.open(first);
    await expect(portal.status).toHaveAttribute('data-status', 'invalid');
    await expect(portal.page.locator('body')).not.toContainText('Boulangerie Martin');
    await expect(portal.page.locator('body')).not.toContainText(number);
    await anna.page.getByTestId('new-portal-link').click();
    await expect(editor.portalUrl).not.toHaveValue(first);
    const url = await editor.portalUrl.inputValue();

    await portal.open(url);
    await expect(portal.number).toHaveText(number);
    await expect(portal.status).toHaveAttribute('data-status', 'viewed');
    // The team sees that the client opened it, without reloading.
    await expect(editor.lifecycleStatus).toHaveAttribute('data-status', 'viewed');
    // Nothing internal reaches the client's page: no pricing explanations, no manual prices.
    await expect(portal.page.locator('body')).not.toContainText('Prix manuel');
    await expect(portal.page.locator('body')).not.toContainText('dégressif');

    const before = euros((await portal.totalInclTax.textContent())!);
    await expect(portal.option('Maintenance mensuelle')).not.toBeChecked();
    await portal.option('Maintenance mensuelle').check();
    // 12 months of maintenance at 89,00 € HT (no 12-month commitment on this quote): +1 281,60 € TTC.
    await expect.poll(async () => euros((await portal.totalInclTax.textContent())!)).toBeCloseTo(before + 1281.6, 2);
    const chosenTotal = (await portal.totalInclTax.textContent())!;

    // The sentence of consent comes from the server, which keeps the same one as evidence.
    await expect(portal.page.getByTestId('portal-consent-text')).toHaveText(/ma signature électronique a la même valeur .*art\. 1367 du Code civil/);
    await portal.acceptButton.click();
    await expect(portal.error).not.toBeEmpty(); // no name, no consent: nothing is signed
    await portal.accept('Marie Martin');
    await expect(portal.status).toHaveAttribute('data-status', 'accepted');
    await expect(portal.sha256).toHaveText(/^[0-9a-f]{64}$/);
    const sha256 = (await portal.sha256.textContent())!;
    await expect(portal.option('Maintenance mensuelle')).toBeDisabled();

    // The team's app shows it at once: accepted, by whom, the hash of the PDF signed, the option taken.
    await expect(editor.lifecycleStatus).toHaveAttribute('data-status', 'accepted');
    await expect(anna.page.getByTestId('client-answer')).toContainText('Marie Martin');
    await expect(anna.page.getByTestId('accepted-pdf-hash')).toHaveText(sha256);
    await expect.poll(async () => digits((await editor.totalInclTax.textContent()) ?? '')).toBe(digits(chosenTotal));
  } finally {
    await client.close();
  }
});
