import { expect, type Locator, type Page } from '@playwright/test';

export type Role = 'owner' | 'admin' | 'accountant' | 'sales' | 'approver' | 'viewer';

/** /c/:companyId/members — who is in with which role; managers change roles, remove members and invite. */
export class MembersPage {
  readonly rows: Locator;
  readonly roleSelect: Locator;
  readonly createInviteButton: Locator;
  readonly inviteLink: Locator;
  readonly rolesLink: Locator;
  readonly changeRoleDialog: Locator;
  readonly removeDialog: Locator;
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('member-row');
    this.roleSelect = page.locator('#invite-role');
    this.createInviteButton = page.locator('form:has(#invite-role) button[type="submit"]');
    this.inviteLink = page.getByTestId('invite-link');
    this.rolesLink = page.getByTestId('roles-link');
    this.changeRoleDialog = page.getByTestId('change-role-dialog');
    this.removeDialog = page.getByTestId('remove-member-dialog');
    this.done = page.getByTestId('members-done');
  }

  async goto(companyId: string) {
    await this.page.goto(`/c/${companyId}/members`);
  }

  /** The row of a member, by display name. */
  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  /** The role shown for a member (a built-in role in French, a custom one by its name). */
  roleOf(name: string): Locator {
    return this.row(name).getByTestId('member-role');
  }

  /**
   * Creates an invitation for a built-in role (by its value) or a custom role (by the name shown in the
   * list) and returns the link shown to copy.
   */
  async createInvite(role: Exclude<Role, 'owner'> | { label: string }): Promise<string> {
    await this.roleSelect.selectOption(role);
    await this.createInviteButton.click();
    await this.inviteLink.waitFor();
    const link = await this.inviteLink.inputValue();
    if (!/\/invite\/[^/]+$/.test(link)) throw new Error(`the invitation link looks wrong: "${link}"`);
    return link;
  }

  /** "Changer le rôle" on a member's row, picks the role (built-in name or custom role id) and confirms. */
  async changeRole(name: string, role: string) {
    await this.row(name).getByTestId('change-role').click();
    await this.changeRoleDialog.locator(`[data-role="${role}"] input`).check();
    await this.changeRoleDialog.getByTestId('confirm-role').click();
    await expect(this.changeRoleDialog).toBeHidden();
  }
}
