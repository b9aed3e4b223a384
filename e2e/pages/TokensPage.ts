import { expect, type Locator, type Page } from '@playwright/test';

/** /c/:companyId/tokens — API tokens: the list, a new one (its secret shown once), revoking. */
export class TokensPage {
  readonly rows: Locator;
  readonly newButton: Locator;
  readonly nameInput: Locator;
  readonly roleSelect: Locator;
  readonly submitButton: Locator;
  readonly secret: Locator;
  readonly secretValue: Locator;
  readonly secretDone: Locator;
  readonly revokeDialog: Locator;
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('token-row');
    this.newButton = page.getByTestId('new-token');
    this.nameInput = page.locator('#token-name');
    this.roleSelect = page.locator('#token-role');
    this.submitButton = page.getByTestId('token-submit');
    this.secret = page.getByTestId('token-secret');
    this.secretValue = page.getByTestId('token-secret-value');
    this.secretDone = page.getByTestId('token-secret-done');
    this.revokeDialog = page.getByTestId('revoke-token-dialog');
    this.done = page.getByTestId('tokens-done');
  }

  async goto(companyId: string) {
    await this.page.goto(`/c/${companyId}/tokens`);
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** A permission's checkbox among the scopes (`invoices.issue`). */
  scope(permission: string): Locator {
    return this.page.locator(`[data-testid="token-scopes"] [data-permission="${permission}"] input`);
  }

  /** Creates a token and resolves with its secret, read from the one place it is shown. */
  async create(opts: { name: string; role?: string; untick?: string[]; days?: 30 | 90 | 365 | 'never' }): Promise<string> {
    await this.newButton.click();
    await this.nameInput.fill(opts.name);
    if (opts.role) await this.roleSelect.selectOption(opts.role);
    for (const p of opts.untick ?? []) await this.scope(p).uncheck();
    if (opts.days) await this.page.locator(`[data-testid="token-expiry"] [data-days="${opts.days}"] input`).check();
    await this.submitButton.click();
    await expect(this.secret).toBeVisible();
    return this.secretValue.inputValue();
  }

  async revoke(name: string) {
    await this.row(name).getByTestId('revoke-token').click();
    await this.revokeDialog.getByTestId('confirm-revoke-token').click();
    await expect(this.revokeDialog).toBeHidden();
  }
}
