// Subscriptions (issue 7), the pure part: plans, subscriptions and their dated changes, what is due at `now`,
// the invoice lines of a period and the alerts before a commitment ends. The server's billing run calls
// billingPeriodsDue over all subscriptions and claims each key (docs/design/recurring-billing.md).
export { planInput, parsePlan, UnknownPlanError, incompatibility, type Plan, type PlanInput, type Plans } from './plan';
export { PlanBook, type StoredPlan } from './plan-book';
export {
  subscriptionInput,
  subscriptionItem,
  subscriptionChange,
  parseSubscription,
  stateAt,
  billingStart,
  ruleOf as billingRuleOf,
  commitmentTermEnd,
  type Subscription,
  type SubscriptionInput,
  type SubscriptionItem,
  type SubscriptionChange,
  type SubscriptionState,
  type ChangeKind,
  type ItemState,
  type StateAt,
} from './subscription';
export { changeQuantity, changePrice, changePlan, pause, resume, cancel, type Transition, type RefusalCode as SubscriptionRefusalCode, type CancelWhen } from './transitions';
export { billingPeriodsDue, periodsAfter, billingKey, periodBills, type DuePeriod, type ItemBill } from './billing';
export { invoiceLinesFor, periodTotal, upcomingInvoices, type UpcomingInvoice } from './lines';
export { recurringInvoice, recurringContent, type RecurringInvoiceContext } from './invoice';
export { alertsDue, renewalNoticeDate, type AlertPolicy, type AlertKind as SubscriptionAlertKind, type DueAlert } from './alerts';
export { correctionLines, correctionTotal } from './corrections';
export type { BillingFailure, BillingRunSummary, SubscriptionBilling, SubscriptionDetail, SubscriptionView } from './views';
