import type { Locator, Page } from '@playwright/test';

export type Role = 'owner' | 'admin' | 'accountant' | 'sales' | 'approver' | 'viewer';

/** /c/:companyId/members — who is in, and one-time invitation links (owner/admin). */
export class MembersPage {
  readonly rows: Locator;
  readonly roleSelect: Locator;
  readonly createInviteButton: Locator;
  readonly inviteLink: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('member-row');
    this.roleSelect = page.locator('#invite-role');
    this.createInviteButton = page.locator('form:has(#invite-role) button[type="submit"]');
    this.inviteLink = page.getByTestId('invite-link');
  }

  async goto(companyId: string) {
    await this.page.goto(`/c/${companyId}/members`);
  }

  /** Creates an invitation for `role` and returns the link shown to copy. */
  async createInvite(role: Exclude<Role, 'owner'>): Promise<string> {
    await this.roleSelect.selectOption(role);
    await this.createInviteButton.click();
    await this.inviteLink.waitFor();
    const link = await this.inviteLink.inputValue();
    if (!/\/invite\/[^/]+$/.test(link)) throw new Error(`the invitation link looks wrong: "${link}"`);
    return link;
  }
}
