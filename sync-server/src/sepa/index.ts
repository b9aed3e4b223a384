// The views this module answers with are core's (core/src/sepa/views.ts), shared with the web app.
export type { BatchView, CollectionView, ConfirmedBatch, CreatedBatch, MandateDetail, MandateView } from '@facturo/core';
export { createMandate, listMandates, readMandate, revokeMandate } from './mandates';
export {
  listCollections, scheduleCollections, type CollectionItem, type CollectionSkip, type CollectionSkipReason,
  type ScheduledCollections, type ScheduleOptions,
} from './collections';
export { prenotifyCollections, type PrenotificationResult } from './prenotification';
export { batchFile, createBatch, listBatches } from './batches';
export { confirmBatch, type BankAnswer } from './bank-answer';
export { creditorProblems } from './creditor';
export { invoicesAwaitingDebit, recordSepaSettlements } from './settlements';
