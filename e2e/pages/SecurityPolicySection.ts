import type { Locator, Page } from '@playwright/test';

/** Settings → "Sécurité des comptes": whether every member must keep a backup factor (owners switch it). */
export class SecurityPolicySection {
  readonly section: Locator;
  readonly state: Locator;
  readonly requireBox: Locator;
  readonly submitButton: Locator;
  readonly saved: Locator;
  readonly locked: Locator;
  readonly confirmDialog: Locator;
  readonly confirmButton: Locator;
  readonly accountLink: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('policy-section');
    this.state = page.getByTestId('policy-state');
    this.requireBox = page.getByTestId('policy-require');
    this.submitButton = page.getByTestId('policy-submit');
    this.saved = page.getByTestId('policy-saved');
    this.locked = page.getByTestId('policy-locked');
    this.confirmDialog = page.getByTestId('policy-confirm');
    this.confirmButton = page.getByTestId('policy-confirm-yes');
    this.accountLink = page.getByTestId('policy-account-link');
  }

  async goto(companyId: string) {
    await this.page.goto(`/c/${companyId}/settings`);
    await this.state.waitFor();
  }

  /** Unticks the rule and saves it (switching it off asks nothing). */
  async switchOff() {
    await this.requireBox.uncheck();
    await this.submitButton.click();
  }
}
