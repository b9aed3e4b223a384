// The shells shared by the record pages (plans, pricing rules, quote templates, subscriptions): list pages and
// record editors look and behave alike, so a change to one (a notice, a button) is made once.
export { PageHead, type PageHeadProps } from './PageHead';
export { LockedNotice } from './LockedNotice';
export { ListPage, type ListPageProps } from './ListPage';
export { ShowArchivedToggle, createArchivedFilter } from './ShowArchivedToggle';
export { RecordEditorHead, type RecordEditorHeadProps } from './RecordEditorHead';
export { RecordEditorFooter, type RecordEditorFooterProps } from './RecordEditorFooter';
export { createRecordSave, type SaveOutcome, type SaveStatus } from './createRecordSave';
