import type { Locator, Page } from '@playwright/test';

export class SignInPage {
  readonly button: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('signin-passkey');
    this.error = page.getByTestId('signin-error');
  }

  async goto() {
    await this.page.goto('/signin');
  }

  /** Clicks "sign in with a passkey"; the virtual authenticator answers the prompt. */
  async signIn() {
    await this.button.click();
  }
}
