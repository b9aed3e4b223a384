// What the screenshot scripts share: a person in their own browser context with a virtual passkey, a
// full-page shot from the top, registering through an invitation link, making one.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { addVirtualAuthenticator } from '../../e2e/support/authenticator';

export function screenshots(origin: string, out: string) {
  mkdirSync(out, { recursive: true });
  const kit = {
    async person(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
      const context = await browser.newContext({ baseURL: origin, viewport });
      const page = await context.newPage();
      await addVirtualAuthenticator(page);
      page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
      return page;
    },
    /** From the top: a full-page shot of a scrolled page draws the sticky bars in its middle. */
    async shot(page: Page, name: string, fullPage = true) {
      if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${out}/${name}.png`, fullPage });
    },
    step: (s: string) => console.log(`- ${s}`),
    async register(page: Page, invite: string, name: string) {
      await page.goto(new URL(invite).pathname);
      await page.getByTestId('invite-summary').waitFor();
      await page.locator('#invite-name').fill(name);
      await page.getByTestId('invite-register').click();
      await page.waitForURL(/\/customers$/);
    },
    /** An invitation link made on the company's Members page (`base` = /c/<companyId>). */
    async invite(page: Page, base: string, role: { label: string } | string): Promise<string> {
      await page.goto(`${base}/members`);
      await page.locator('#invite-role').selectOption(role);
      await page.locator('form:has(#invite-role) button[type="submit"]').click();
      return page.getByTestId('invite-link').inputValue();
    },
    /**
     * Debian's Chromium, and the company's owner signed in through the demo's one-time link: its id, the
     * app's base path for it (/c/<id>), and an invite() bound to it.
     */
    async start(link: string, ownerName = 'Marie Dupont') {
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
      const owner = await kit.person(browser);
      await kit.register(owner, link, ownerName);
      const companyId = /\/c\/([^/]+)/.exec(owner.url())?.[1] ?? '';
      const base = `/c/${companyId}`;
      return { browser, owner, companyId, base, invite: (page: Page, role: { label: string } | string) => kit.invite(page, base, role) };
    },
  };
  return kit;
}
