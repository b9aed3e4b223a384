import type { Locator, Page } from '@playwright/test';

/** /invite/:token — what the invitation offers, and registering a passkey to accept it. */
export class InvitePage {
  readonly summary: Locator;
  readonly company: Locator;
  readonly role: Locator;
  readonly nameInput: Locator;
  readonly passkeyNameInput: Locator;
  readonly registerButton: Locator;
  readonly acceptButton: Locator;
  readonly invalid: Locator;
  readonly actionError: Locator;

  constructor(readonly page: Page) {
    this.summary = page.getByTestId('invite-summary');
    this.company = page.getByTestId('invite-company');
    this.role = page.getByTestId('invite-role');
    this.nameInput = page.locator('#invite-name');
    this.passkeyNameInput = page.locator('#invite-passkey-name');
    this.registerButton = page.getByTestId('invite-register');
    this.acceptButton = page.getByTestId('invite-accept');
    this.invalid = page.getByTestId('invite-error');
    this.actionError = page.getByTestId('invite-action-error');
  }

  /** Accepts a full link (http://localhost:PORT/invite/…) or a path; always stays on the test's origin. */
  async goto(link: string) {
    await this.page.goto(new URL(link, 'http://placeholder').pathname);
  }

  async register(displayName: string, passkeyName?: string) {
    await this.nameInput.fill(displayName);
    if (passkeyName !== undefined) await this.passkeyNameInput.fill(passkeyName);
    await this.registerButton.click();
  }
}
