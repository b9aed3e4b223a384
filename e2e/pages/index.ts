export { AccountPage } from './AccountPage';
export { AppShell, type SyncState } from './AppShell';
export { CustomerEditorPage, type CustomerField } from './CustomerEditorPage';
export { CustomersPage } from './CustomersPage';
export { InvitePage } from './InvitePage';
export { MembersPage, type Role } from './MembersPage';
export { RolesPage } from './RolesPage';
export { SignInPage } from './SignInPage';
