import type { Locator, Page } from '@playwright/test';

/** /account — sign out, and the passkeys of the signed-in person. */
export class AccountPage {
  readonly signOutButton: Locator;
  readonly passkeyRows: Locator;
  readonly newPasskeyName: Locator;
  readonly addPasskeyButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.signOutButton = page.getByTestId('sign-out');
    this.passkeyRows = page.getByTestId('passkey-row');
    this.newPasskeyName = page.locator('#new-passkey-name');
    this.addPasskeyButton = page.getByTestId('add-passkey');
    this.error = page.getByTestId('account-error');
  }

  async goto() {
    await this.page.goto('/account');
  }

  async signOut() {
    await this.signOutButton.click();
    await this.page.waitForURL('**/signin**');
  }

  async addPasskey(name: string) {
    await this.newPasskeyName.fill(name);
    await this.addPasskeyButton.click();
  }
}
