// Billing periods, alignment, proration, trials and terms of subscriptions (issue 7). Pure: dates in, dates out.
export {
  frequency,
  parseFrequency,
  weekly,
  monthly,
  quarterly,
  yearly,
  everyMonths,
  everyWeeks,
  type Frequency,
} from './frequency';
export {
  billingRule,
  parseBillingRule,
  periodAt,
  periodsBetween,
  nextPeriod,
  daysIn,
  billingDateOf,
  type Alignment,
  type BillingTiming,
  type Period,
  type BillingPeriod,
  type BillingRule,
} from './periods';
export {
  prorate,
  prorateParts,
  planChange,
  changes,
  type ProratedPart,
  type PlanChange,
  type PlanChangeResult,
  type PeriodChange,
  type ChangeAdjustment,
  type PricedSpan,
  type PeriodBill,
} from './proration';
export { trialEnd, commitmentEnd, minimumTermEnd } from './terms';
// addDays stays inside: core's root already exports issuing's addDays (the same UTC day arithmetic).
export { InvalidDateError, addMonths, daysBetween } from './dates';
