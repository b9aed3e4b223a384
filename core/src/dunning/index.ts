// Dunning (issue 8), the pure part: policies as data in the workspace, what reminder is due at `now` for each open
// invoice, the French business-day calendar and email hours it respects. The server's dunning job calls
// dunningDue and claims each key (docs/design/payments-api.md).
export {
  dunningChannels,
  dunningTones,
  dunningStepInput,
  dunningAppliesTo,
  dunningPolicyInput,
  parseDunningPolicy,
  type DunningChannel,
  type DunningTone,
  type DunningStep,
  type DunningAppliesTo,
  type DunningPolicy,
  type DunningPolicyInput,
} from './policy';
export { DunningPolicyBook, type StoredDunningPolicy } from './policy-book';
export { defaultDunningPolicy } from './default-policy';
export { dunningVariables, unknownDunningVariables } from './variables';
export { riskLevels, riskThresholds, paymentHistoryDepth, averageDaysLate, riskLevelOf, type RiskLevel, type PaidInvoice } from './risk';
export { policyFor, type DunningCustomer, type DunningPolicyEntry } from './select';
export { frenchPublicHolidays, isFrenchPublicHoliday, isFrenchBusinessDay, nextFrenchBusinessDay } from './calendar';
export { localMoment, companyDay, companyTimeZone, emailAllowed, defaultEmailHours, type LocalMoment, type EmailHours } from './clock';
export {
  dunningDue,
  dunningKey,
  type DunningInput,
  type DunningInvoice,
  type DunningInvoiceStatus,
  type DunningHold,
  type DueDunningStep,
  type DunningProblem,
  type DunningPass,
} from './due';
export {
  dunningHistoryOf,
  type DunningHistoryEntry,
  type DunningHistoryStep,
  type DunningHistoryTask,
  type DunningHistoryHold,
  type DunningHistoryOutcome,
  type DunningHistoryInput,
  type DunningStepRecord,
  type DunningTaskRecord,
  type DunningHoldRecord,
} from './history';
export { dunningStepText, type StepTextInput } from './render';
export { holdKinds, type HoldKind, type DunningHoldView } from './views';
