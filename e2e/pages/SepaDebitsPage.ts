import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** /c/:companyId/sepa-debits — pending direct debits, the pain.008 files and the bank's answer (issue 7). */
export class SepaDebitsPage {
  readonly pendingRows: Locator;
  readonly until: Locator;
  readonly willTake: Locator;
  readonly createButton: Locator;
  readonly creditorIncomplete: Locator;
  readonly created: Locator;
  readonly answered: Locator;
  readonly batchRows: Locator;
  readonly answerLines: Locator;
  readonly rejectedRows: Locator;

  constructor(readonly page: Page) {
    this.pendingRows = page.getByTestId('pending-row');
    this.until = page.getByTestId('batch-until');
    this.willTake = page.getByTestId('batch-will-take');
    this.createButton = page.getByTestId('create-batch');
    this.creditorIncomplete = page.getByTestId('creditor-incomplete');
    this.created = page.getByTestId('debits-created');
    this.answered = page.getByTestId('debits-answered');
    this.batchRows = page.getByTestId('batch-row');
    this.answerLines = page.getByTestId('bank-answer-line');
    this.rejectedRows = page.getByTestId('rejected-row');
  }

  /** Follows the sidebar link (shown to members who record payments). */
  async navigate() {
    await this.page.getByTestId('nav-sepa-debits').click();
    await this.page.waitForURL(/\/c\/[^/]+\/sepa-debits$/);
  }

  pendingRow(invoiceId: string): Locator {
    return this.pendingRows.and(this.page.locator(`[data-invoice="${invoiceId}"]`));
  }

  /** "Télécharger le fichier pain.008" of a batch row; resolves with the browser's download. */
  async download(batch: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), batch.getByTestId('download-pain008').click()]);
    return download;
  }

  /** Opens "Enregistrer la réponse de la banque" under a batch row and waits for its lines. */
  async openAnswer(batch: Locator) {
    await batch.getByTestId('open-bank-answer').click();
    await expect(this.page.getByTestId('bank-answer-lines')).toBeVisible();
  }

  answerLine(invoiceId: string): Locator {
    return this.answerLines.and(this.page.locator(`[data-invoice="${invoiceId}"]`));
  }

  /** Ticks a line as rejected by the bank with a reason code (e.g. AM04). */
  async reject(line: Locator, code: string) {
    await line.getByTestId('reject-line').check();
    await line.getByTestId('reject-reason').selectOption(code);
  }
}
