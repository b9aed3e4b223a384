import type { Locator, Page } from '@playwright/test';

/** /account's security sections (recovery codes, sessions, the address for alert emails), the re-authentication prompt, and recovery sign-in. */
export class AccountSecurityPage {
  readonly generateCodesButton: Locator;
  readonly codes: Locator;
  readonly codesDone: Locator;
  readonly codesLeft: Locator;
  readonly reauthDialog: Locator;
  readonly reauthConfirm: Locator;
  readonly sessionRows: Locator;
  readonly thisDevice: Locator;
  readonly otherDevices: Locator;
  readonly passkeyRows: Locator;
  readonly backupBanner: Locator;
  readonly recoverLink: Locator;
  readonly recoveryCode: Locator;
  readonly recoverSubmit: Locator;
  readonly recoverAddPasskey: Locator;
  readonly recoverError: Locator;
  readonly alertEmailSection: Locator;
  readonly alertEmail: Locator;
  readonly alertEmailSave: Locator;
  readonly alertEmailRemove: Locator;
  readonly alertEmailError: Locator;
  readonly alertEmailDone: Locator;

  constructor(readonly page: Page) {
    this.generateCodesButton = page.getByTestId('generate-recovery-codes');
    this.codes = page.getByTestId('recovery-codes').locator('code');
    this.codesDone = page.getByTestId('recovery-codes-done');
    this.codesLeft = page.getByTestId('recovery-left');
    this.reauthDialog = page.getByTestId('reauth-dialog');
    this.reauthConfirm = page.getByTestId('reauth-confirm');
    this.sessionRows = page.getByTestId('session-row');
    this.thisDevice = page.locator('[data-testid="session-row"][data-current="true"]');
    this.otherDevices = page.locator('[data-testid="session-row"][data-current="false"]');
    this.passkeyRows = page.getByTestId('passkey-row');
    this.backupBanner = page.getByTestId('backup-factor-banner');
    this.recoverLink = page.getByTestId('recover-link');
    this.recoveryCode = page.locator('#recovery-code');
    this.recoverSubmit = page.getByTestId('recover-submit');
    this.recoverAddPasskey = page.getByTestId('recover-add');
    this.recoverError = page.getByTestId('recover-error');
    this.alertEmailSection = page.getByTestId('alert-email-section');
    this.alertEmail = page.getByTestId('alert-email-input');
    this.alertEmailSave = page.getByTestId('alert-email-save');
    this.alertEmailRemove = page.getByTestId('alert-email-remove');
    this.alertEmailError = page.getByTestId('alert-email-error');
    this.alertEmailDone = page.getByTestId('alert-email-done');
  }

  async goto() {
    await this.page.goto('/account');
  }

  /** Makes a new set of codes; when the sign-in is old, confirms with the passkey in the prompt first. Returns the codes. */
  async generateCodes(): Promise<string[]> {
    await this.generateCodesButton.click();
    await this.codes.first().or(this.reauthDialog).first().waitFor();
    if (await this.reauthDialog.isVisible()) await this.reauthConfirm.click();
    await this.codes.first().waitFor();
    return this.codes.allInnerTexts();
  }

  /** From /signin: a recovery code instead of a passkey. */
  async recoverWith(code: string) {
    await this.page.goto('/signin');
    await this.recoverLink.click();
    await this.recoveryCode.fill(code);
    await this.recoverSubmit.click();
  }
}
