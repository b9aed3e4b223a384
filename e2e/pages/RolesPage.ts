import { expect, type Locator, type Page } from '@playwright/test';

/** /c/:companyId/members/roles — the company's own roles, their editor, and every role compared. */
export class RolesPage {
  readonly customRoles: Locator;
  readonly newButton: Locator;
  readonly form: Locator;
  readonly nameInput: Locator;
  readonly saveButton: Locator;
  readonly done: Locator;
  readonly matrix: Locator;
  readonly deleteDialog: Locator;
  readonly deleteError: Locator;

  constructor(readonly page: Page) {
    this.customRoles = page.getByTestId('custom-role');
    this.newButton = page.getByTestId('new-role');
    this.form = page.getByTestId('role-form');
    this.nameInput = page.locator('#role-name');
    this.saveButton = page.getByTestId('save-role');
    this.done = page.getByTestId('roles-done');
    this.matrix = page.getByTestId('role-matrix');
    this.deleteDialog = page.getByTestId('delete-role-dialog');
    this.deleteError = page.getByTestId('role-delete-error');
  }

  async goto(companyId: string) {
    await this.page.goto(`/c/${companyId}/members/roles`);
  }

  /** A permission's checkbox in the role form, by its id (`customers.edit`). */
  permission(id: string): Locator {
    return this.form.locator(`[data-permission="${id}"] input`);
  }

  /** The company's role of that name in the list. */
  customRole(name: string): Locator {
    return this.customRoles.filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** Creates a role with these permissions (company.read is always granted) and waits for the list to show it. */
  async create(name: string, permissions: string[]) {
    await this.newButton.click();
    await this.nameInput.fill(name);
    for (const p of permissions) await this.permission(p).check();
    await this.saveButton.click();
    await expect(this.done).toBeVisible();
    await expect(this.customRole(name)).toHaveCount(1);
  }

  /** "Supprimer" on a role, then confirms in the dialog (which stays open with the reason when refused). */
  async delete(name: string) {
    await this.customRole(name).getByTestId('delete-role').click();
    await this.deleteDialog.getByTestId('confirm-delete-role').click();
  }
}
