import type { Download, Locator, Page } from '@playwright/test';

/** Settings → "Vos données": everything the company holds, downloaded as one JSON file (data.export). */
export class DataExportSection {
  readonly section: Locator;
  readonly downloadButton: Locator;
  readonly done: Locator;
  readonly error: Locator;
  readonly reauthDialog: Locator;
  readonly reauthConfirm: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('export-section');
    this.downloadButton = page.getByTestId('export-download');
    this.done = page.getByTestId('export-done');
    this.error = page.getByTestId('export-error');
    this.reauthDialog = page.getByTestId('reauth-dialog');
    this.reauthConfirm = page.getByTestId('reauth-confirm');
  }

  async goto(companyId: string) {
    await this.page.goto(`/c/${companyId}/settings`);
    await this.page.getByTestId('policy-section').waitFor();
  }

  /** Clicks the button and, when the sign-in is old, confirms with the passkey in the prompt; returns the download. */
  async download(): Promise<{ file: Download; reauthAsked: boolean }> {
    const downloaded = this.page.waitForEvent('download');
    await this.downloadButton.click();
    await this.done.or(this.reauthDialog).first().waitFor();
    const reauthAsked = await this.reauthDialog.isVisible();
    if (reauthAsked) await this.reauthConfirm.click();
    return { file: await downloaded, reauthAsked };
  }
}
