export { createMandate, listMandates, readMandate, revokeMandate, type MandateDetail, type MandateView } from './mandates';
export {
  listCollections, scheduleCollections, type CollectionItem, type CollectionSkip, type CollectionSkipReason, type CollectionView,
  type ScheduledCollections, type ScheduleOptions,
} from './collections';
export { prenotifyCollections, type PrenotificationResult } from './prenotification';
export { batchFile, createBatch, listBatches, type BatchView, type CreatedBatch } from './batches';
export { confirmBatch, type BankAnswer, type ConfirmedBatch } from './bank-answer';
export { creditorProblems } from './creditor';
