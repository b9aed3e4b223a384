import type { Locator, Page } from '@playwright/test';

/** /c/:companyId/invoices — invoices and credit notes: the workspace index merged with the server's list. */
export class InvoicesPage {
  readonly list: Locator;
  readonly rows: Locator;
  readonly newButton: Locator;
  readonly offlineNotice: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('invoice-list');
    this.rows = page.getByTestId('invoice-row');
    this.newButton = page.getByTestId('new-invoice');
    this.offlineNotice = page.getByTestId('invoices-offline');
  }

  async goto(companyId: string) {
    await this.page.goto(`/c/${companyId}/invoices`);
  }

  /** Follows the sidebar link (client-side navigation: works offline, no page load). */
  async navigate() {
    await this.page.locator('nav a.nav-link[href$="/invoices"]').click();
    await this.page.waitForURL(/\/c\/[^/]+\/invoices$/);
  }

  /** The row of one document, by its id (`dc_…`). */
  row(documentId: string): Locator {
    return this.rows.and(this.page.locator(`[data-id="${documentId}"]`));
  }

  /** Number (or "Facture (brouillon)"), status chip (data-status) and total TTC of a row. */
  number(documentId: string): Locator {
    return this.row(documentId).getByTestId('invoice-number');
  }

  status(documentId: string): Locator {
    return this.row(documentId).getByTestId('invoice-status');
  }

  total(documentId: string): Locator {
    return this.row(documentId).getByTestId('invoice-total');
  }

  async open(documentId: string) {
    await this.number(documentId).click();
    await this.page.waitForURL(new RegExp(`/invoices/${documentId}$`));
  }

  /** Clicks "Nouvelle facture"; resolves with the new draft's id (made on the device: `dc_…`). */
  async create(): Promise<string> {
    await this.newButton.click();
    await this.page.waitForURL(/\/invoices\/dc_[A-Za-z0-9]+$/);
    const id = /\/invoices\/(dc_[A-Za-z0-9]+)$/.exec(new URL(this.page.url()).pathname)?.[1];
    if (!id) throw new Error(`no document id in ${this.page.url()}`);
    return id;
  }
}
