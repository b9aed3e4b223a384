import type { Locator, Page } from '@playwright/test';

/** One line of a quote in the editor. */
export class QuoteLineModel {
  readonly quantity: Locator;
  readonly description: Locator;
  readonly unitPrice: Locator;
  readonly chips: Locator;
  readonly catalogPrice: Locator;
  readonly manualMarker: Locator;
  readonly total: Locator;

  constructor(readonly root: Locator) {
    this.quantity = root.locator('[data-field="quantity"] input');
    this.description = root.locator('[data-field="description"] textarea');
    this.unitPrice = root.getByTestId('line-unit-price');
    this.chips = root.getByTestId('pricing-chip');
    this.catalogPrice = root.getByTestId('catalog-price');
    this.manualMarker = root.getByTestId('manual-marker');
    this.total = root.getByTestId('line-total');
  }

  /** Replaces the quantity as a person types it. */
  async setQuantity(value: string) {
    await this.quantity.fill(value);
  }

  async setManualPrice(price: string, reason: string) {
    await this.root.getByTestId('manual-price').click();
    await this.root.getByTestId('manual-price-value').fill(price);
    await this.root.getByTestId('manual-price-reason').fill(reason);
    await this.root.getByTestId('manual-price-save').click();
  }
}

/** /c/:companyId/quotes/:quoteId — the co-edited quote, its lifecycle and invoicing panels. */
export class QuoteEditorPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly form: Locator;
  readonly lines: Locator;
  readonly sections: Locator;
  readonly syncStatus: Locator;
  readonly presenceUsers: Locator;
  readonly staleBanner: Locator;
  readonly locked: Locator;
  readonly totalInclTax: Locator;
  readonly lifecycle: Locator;
  readonly lifecycleStatus: Locator;
  readonly number: Locator;
  readonly submitButton: Locator;
  readonly sendButton: Locator;
  readonly portalUrl: Locator;
  readonly conversion: Locator;
  readonly comments: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByTestId('quote-heading');
    this.status = page.getByTestId('quote-head-status');
    this.form = page.getByTestId('quote-editor');
    this.lines = page.getByTestId('quote-line');
    this.sections = page.getByTestId('quote-section');
    this.syncStatus = page.getByTestId('doc-sync-status');
    this.presenceUsers = page.getByTestId('doc-presence-user');
    this.staleBanner = page.getByTestId('stale-prices');
    this.locked = page.getByTestId('quote-locked');
    this.totalInclTax = page.getByTestId('totals').getByTestId('invoice-total');
    this.lifecycle = page.getByTestId('lifecycle-panel');
    this.lifecycleStatus = page.getByTestId('lifecycle-status');
    this.number = this.lifecycle.getByTestId('quote-number');
    this.submitButton = page.getByTestId('submit-quote');
    this.sendButton = page.getByTestId('send-quote');
    this.portalUrl = page.getByTestId('portal-url');
    this.conversion = page.getByTestId('conversion-panel');
    this.comments = page.getByTestId('quote-comments');
  }

  async goto(companyId: string, quoteId: string) {
    await this.page.goto(`/c/${companyId}/quotes/${quoteId}`);
  }

  line(index: number): QuoteLineModel {
    return new QuoteLineModel(this.lines.nth(index));
  }

  /** The first line of a product, by the product's name chosen in the line. */
  lineOf(productName: string): QuoteLineModel {
    return new QuoteLineModel(this.lines.filter({ has: this.page.locator('[data-field="productId"] select option:checked', { hasText: productName }) }).first());
  }

  async submit() {
    await this.submitButton.click();
  }

  async send(message?: string) {
    if (message) await this.page.getByTestId('send-message').fill(message);
    await this.sendButton.click();
  }
}
