import { expect, type Locator, type Page } from '@playwright/test';

/** /c/:companyId/quotes — the quotes list and the "Nouveau devis" dialog (customer + template). */
export class QuotesPage {
  readonly list: Locator;
  readonly rows: Locator;
  readonly newButton: Locator;
  readonly dialog: Locator;
  readonly filter: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('quote-list');
    this.rows = page.getByTestId('quote-row');
    this.newButton = page.getByTestId('new-quote');
    this.dialog = page.getByTestId('new-quote-dialog');
    this.filter = page.getByTestId('quote-filter');
  }

  async goto(companyId: string) {
    await this.page.goto(`/c/${companyId}/quotes`);
  }

  /** Follows the sidebar link "Devis" (client-side navigation). */
  async navigate() {
    await this.page.getByTestId('nav-quotes').click();
    await this.page.waitForURL(/\/c\/[^/]+\/quotes$/);
  }

  row(quoteId: string): Locator {
    return this.rows.and(this.page.locator(`[data-id="${quoteId}"]`));
  }

  number(quoteId: string): Locator {
    return this.row(quoteId).getByTestId('quote-number');
  }

  status(quoteId: string): Locator {
    return this.row(quoteId).getByTestId('quote-status');
  }

  /**
   * "Nouveau devis": picks the customer by its visible name and the template by its name (or the blank
   * quote), creates it on the device; resolves with the new quote's id once its editor shows.
   */
  async create(o: { customer: string; template?: string }): Promise<string> {
    await this.newButton.click();
    await expect(this.dialog).toBeVisible();
    const customer = this.dialog.getByTestId('new-quote-customer');
    const value = await customer.locator('option', { hasText: o.customer }).first().getAttribute('value');
    await customer.selectOption(value ?? '');
    if (o.template) await this.dialog.locator('label.template-option', { hasText: o.template }).locator('input').check();
    else await this.dialog.getByTestId('template-blank').check();
    await this.dialog.getByTestId('create-quote').click();
    await this.page.waitForURL(/\/quotes\/dc_[A-Za-z0-9]+$/);
    return /\/quotes\/(dc_[A-Za-z0-9]+)$/.exec(this.page.url())![1]!;
  }
}
