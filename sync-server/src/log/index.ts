export { KeyRing, loadMasterKey } from './keys';
export { Log, type Appended, type EntryKind, type NewEntry, type StoredEntry } from './log';
export { verifyLog, type BrokenLink, type VerifyReport } from './verify';
