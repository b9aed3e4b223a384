import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → "Coordonnées bancaires": the IBAN in force, a change asked by one member and approved by another. */
export class BankDetailsSection {
  readonly section: Locator;
  readonly iban: Locator;
  readonly askButton: Locator;
  readonly ibanInput: Locator;
  readonly bicInput: Locator;
  readonly submitButton: Locator;
  readonly fieldErrors: Locator;
  readonly pending: Locator;
  readonly pendingBy: Locator;
  readonly approveButton: Locator;
  readonly rejectButton: Locator;
  readonly withdrawButton: Locator;
  readonly dialog: Locator;
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('bank-section');
    this.iban = page.getByTestId('bank-iban');
    this.askButton = page.getByTestId('bank-ask');
    this.ibanInput = page.locator('#bank-iban');
    this.bicInput = page.locator('#bank-bic');
    this.submitButton = page.getByTestId('bank-submit');
    this.fieldErrors = this.section.getByTestId('field-error');
    this.pending = page.getByTestId('bank-pending');
    this.pendingBy = page.getByTestId('bank-pending-by');
    this.approveButton = page.getByTestId('bank-approve');
    this.rejectButton = page.getByTestId('bank-reject');
    this.withdrawButton = page.getByTestId('bank-withdraw');
    this.dialog = page.getByTestId('bank-decision-dialog');
    this.done = page.getByTestId('bank-done');
  }

  async goto(companyId: string) {
    await this.page.goto(`/c/${companyId}/settings`);
    await this.section.waitFor();
  }

  /** "Demander un changement", fills the new details and sends them (the request may be refused: read fieldErrors). */
  async ask(iban: string, bic = '') {
    if (await this.askButton.isVisible()) await this.askButton.click();
    await this.ibanInput.fill(iban);
    await this.bicInput.fill(bic);
    await this.submitButton.click();
  }

  /** Approves the pending change in its confirmation dialog. */
  async approve() {
    await this.approveButton.click();
    await this.dialog.getByTestId('confirm-bank-decision').click();
    await expect(this.dialog).toBeHidden();
  }
}
