import type { Locator, Page } from '@playwright/test';

/** /p/{token} — the client portal: a quote to read, options to tick, a signature or a refusal. No account. */
export class PortalPage {
  readonly status: Locator;
  readonly number: Locator;
  readonly totalInclTax: Locator;
  readonly signer: Locator;
  readonly consent: Locator;
  readonly acceptButton: Locator;
  readonly error: Locator;
  readonly sha256: Locator;
  readonly pdf: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId('portal-status');
    this.number = page.getByTestId('portal-number');
    this.totalInclTax = page.getByTestId('portal-total-incl');
    this.signer = page.getByTestId('portal-signer');
    this.consent = page.getByTestId('portal-consent');
    this.acceptButton = page.getByTestId('portal-accept');
    this.error = page.getByTestId('portal-error');
    this.sha256 = page.getByTestId('portal-sha256');
    this.pdf = page.getByTestId('portal-pdf');
  }

  async open(url: string) {
    await this.page.goto(url);
  }

  /** The checkbox of the optional line whose description is this. */
  option(description: string): Locator {
    return this.page.locator('tr', { hasText: description }).locator('input[type="checkbox"]');
  }

  async accept(name: string) {
    await this.signer.fill(name);
    await this.consent.check();
    await this.acceptButton.click();
  }
}
