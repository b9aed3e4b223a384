// Rule-based pricing (issue 6): rules as data, priced lines with their explanation, a simulator.
export {
  parsePricingRule,
  parsePricingRules,
  pricingRule,
  pricingConditions,
  pricingEffect,
  pricingContext,
  pricingLine,
  type PricingRule,
  type PricingRuleInput,
  type PricingConditions,
  type PricingEffect,
  type CombineMode,
  type PricingContext,
  type PricingContextInput,
  type PricingLine,
  type PricingLineInput,
} from './rules';
export { priceLines, simulate, pricedTotal, type PricedLine, type AppliedAdjustment, type SkippedRule, type SkipReason } from './engine';
export type { Sentence } from './explain';
