import type { Locator, Page } from '@playwright/test';

/** The customer page's danger zone (owners): erasing the customer's personal data for good. */
export class EraseCustomerSection {
  readonly section: Locator;
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly reason: Locator;
  readonly confirmButton: Locator;
  readonly error: Locator;
  /** The refusal naming the drafts that still refer to the customer, with a link to each. */
  readonly draftsNotice: Locator;
  readonly draftLinks: Locator;
  readonly reauthDialog: Locator;
  readonly reauthConfirm: Locator;
  /** On the customers list, once erased. */
  readonly done: Locator;
  /** On the page of a customer erased meanwhile. */
  readonly erasedNotice: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('erase-section');
    this.openButton = page.getByTestId('erase-open');
    this.dialog = page.getByTestId('erase-dialog');
    this.reason = page.locator('#erase-reason');
    this.confirmButton = page.getByTestId('erase-confirm');
    this.error = page.getByTestId('erase-error');
    this.draftsNotice = page.getByTestId('erase-drafts');
    this.draftLinks = page.getByTestId('erase-draft-link');
    this.reauthDialog = page.getByTestId('reauth-dialog');
    this.reauthConfirm = page.getByTestId('reauth-confirm');
    this.done = page.getByTestId('customer-erased-done');
    this.erasedNotice = page.getByTestId('customer-erased');
  }

  /** Opens the confirmation, gives the reason and confirms; resolves once the dialog asks for nothing more. */
  async erase(reason: string): Promise<{ reauthAsked: boolean }> {
    await this.openButton.click();
    await this.reason.fill(reason);
    await this.confirmButton.click();
    const settled = this.done.or(this.draftsNotice).or(this.error);
    await settled.or(this.reauthDialog).first().waitFor();
    const reauthAsked = await this.reauthDialog.isVisible();
    if (reauthAsked) {
      await this.reauthConfirm.click();
      await settled.first().waitFor();
    }
    return { reauthAsked };
  }
}
