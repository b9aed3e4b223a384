import { InvoiceEditorPage } from '../pages/InvoiceEditorPage';
import { InvoicesPage } from '../pages/InvoicesPage';
import { recordCspViolations } from '../support/csp';
import { expect, test } from '../support/fixtures';

/*
 * Issue 4, "Security a finance tool needs": the PWA runs under the server's strict Content-Security-Policy
 * (sync-server/src/security/headers.ts). An inline script or style slipped into the build or a component
 * would be refused by the browser: the app would break, and this test names the refusal.
 */

test('signing in and opening the invoices runs under the strict CSP without a single violation', async ({ server, person, tag }) => {
  const link = await server.demoInvite();
  const olga = await person(`Olga Owner ${tag}`);
  const violations = await recordCspViolations(olga.context);

  const companyId = await olga.registerWith(link);
  await olga.account.goto();
  await olga.account.signOut();
  await olga.signIn();

  const invoices = new InvoicesPage(olga.page);
  const answer = await olga.page.goto(`/c/${companyId}/invoices`);
  expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'; style-src 'self';");
  await expect(invoices.rows.first()).toBeVisible();
  await invoices.rows.first().click();
  await expect(new InvoiceEditorPage(olga.page).title).toBeVisible();

  await olga.page.goto('/api/docs');
  await expect(olga.page.locator('#ops .op').first()).toBeVisible();
  expect(violations).toEqual([]);

  // The policy is in force and the recorder hears it: an injected inline script is refused and reported.
  await olga.page.goto(`/c/${companyId}/invoices`);
  await olga.page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.inlineRan = "yes"';
    document.head.append(script);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await olga.page.evaluate(() => document.body.dataset.inlineRan)).toBeUndefined();
});
