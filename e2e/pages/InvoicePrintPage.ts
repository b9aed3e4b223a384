import type { Locator, Page } from '@playwright/test';

/** /c/:companyId/invoices/:id/print — the issued document alone, as printed on A4. */
export class InvoicePrintPage {
  readonly document: Locator;
  readonly number: Locator;
  readonly total: Locator;
  readonly mentions: Locator;
  readonly legalFooter: Locator;
  readonly preceding: Locator;
  readonly printButton: Locator;
  readonly notIssued: Locator;

  constructor(readonly page: Page) {
    this.document = page.getByTestId('invoice-document');
    this.number = this.document.getByTestId('invoice-number');
    this.total = this.document.getByTestId('doc-total');
    this.mentions = this.document.getByTestId('doc-mentions');
    this.legalFooter = this.document.locator('footer.doc-legal');
    this.preceding = this.document.getByTestId('doc-preceding');
    this.printButton = page.getByTestId('print-button');
    this.notIssued = page.getByTestId('print-not-issued');
  }

  async goto(companyId: string, documentId: string) {
    await this.page.goto(`/c/${companyId}/invoices/${documentId}/print`);
  }
}
