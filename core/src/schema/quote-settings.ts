import * as Y from 'yjs';
import { z } from 'zod';
import { parsePricingRule, type PricingRule } from '../pricing/rules';
import { approvalConfig, parseApprovalConfig, type ApprovalConfig } from '../approvals/circuits';
import { followUpPolicy, parseFollowUpPolicy, type FollowUpPolicy } from '../approvals/due';
import type { Delegation } from '../approvals/state';
import { decimalString, optionalText, parseOrThrow, text, ValidationError } from './fields';
import { archiveWholeRecord, readWholeRecord, writeFields, writeWholeRecord, type SavedMeta, type Scalar } from './records';
import { vatCategories } from '../vat-categories';

/*
 * What a company decides about its quotes, kept in the workspace document (ARCHITECTURE "Where data lives"):
 * quote templates, pricing rules, the approval circuits and the follow-up schedule. Rules, circuits and
 * schedules are data evaluated by core (STYLE.md §7g); each is stored as validated JSON in one field, so a
 * concurrent edit of the same rule resolves last-writer-wins as a whole, never into a half-rule.
 */

export const templateLine = z.object({
  productId: optionalText(40),
  description: text(1000),
  quantity: decimalString.default('1'),
  unit: text(20).optional(),
  /** Without it the catalog price of productId applies (and pricing rules). */
  unitPrice: decimalString.optional(),
  vatCategory: z.enum(vatCategories).optional(),
  vatRate: decimalString.optional(),
  optional: z.boolean().default(false),
  selected: z.boolean().default(true),
});

export const templateSection = z.object({
  title: text(200).default(''),
  /** A text block with variables ({{customer.name}}, {{quote.validUntil}}, …). */
  text: optionalText(4000),
  /** A PNG or JPEG data URL shown with the section. */
  image: z.string().regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, 'a PNG or JPEG image').max(700_000, 'at most 500 KB').optional(),
  lines: z.array(templateLine).max(500).default([]),
});

export const quoteTemplateInput = z.object({
  name: text(100).min(1, 'a name is required'),
  description: optionalText(500),
  title: optionalText(200),
  validityDays: z.number().int().min(1, 'at least 1 day').max(365).default(30),
  intro: optionalText(4000),
  closing: optionalText(4000),
  depositPercent: decimalString.optional(),
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
  sections: z.array(templateSection).min(1, 'at least one section').max(50),
});
export type QuoteTemplateInput = z.input<typeof quoteTemplateInput>;
export type QuoteTemplateBody = z.infer<typeof quoteTemplateInput>;
export interface QuoteTemplate extends QuoteTemplateBody {
  id: string;
  archived: boolean;
  updatedAt: string;
  updatedBy?: string;
}

export interface StoredPricingRule {
  rule: PricingRule;
  archived: boolean;
  updatedAt: string;
  updatedBy?: string;
}

export const quoteDefaultsInput = z.object({
  validityDays: z.number().int().min(1).max(365).default(30),
  /** How long a client's portal link works. */
  portalLinkDays: z.number().int().min(1).max(365).default(30),
  /** Send the quote to the client as soon as its circuit approves it (else a person clicks "Send"). */
  sendOnApproval: z.boolean().default(false),
});
export type QuoteDefaults = z.infer<typeof quoteDefaultsInput>;

/** "Absent from … to …, my approvals go to …" (issue 6: delegation when absent). Instants are ISO, [start, end). */
export const delegationInput = z.object({
  from: text(100).min(1, 'who is absent'),
  to: text(100).min(1, 'who stands in'),
  start: z.iso.datetime({ message: 'an instant such as 2026-12-24T00:00:00Z' }),
  end: z.iso.datetime({ message: 'an instant such as 2027-01-02T00:00:00Z' }),
}).refine((d) => d.start < d.end, { message: 'must be after start', path: ['end'] }).refine((d) => d.from !== d.to, { message: 'someone else', path: ['to'] });

const idPattern = /^[A-Za-z0-9_-]{1,40}$/;
function checkId(id: string) {
  if (!idPattern.test(id)) throw new ValidationError({ id: 'letters, digits, "_" or "-" (at most 40)' });
}

/** Typed access to the quote settings of a workspace document. */
export class QuoteSettings {
  readonly templates: Y.Map<Y.Map<Scalar>>;
  readonly pricingRules: Y.Map<Y.Map<Scalar>>;
  /** approvalConfig and followUpPolicy as JSON, plus the quote defaults as flat fields. */
  readonly settings: Y.Map<Scalar>;

  constructor(readonly doc: Y.Doc) {
    this.templates = doc.getMap('quoteTemplates');
    this.pricingRules = doc.getMap('pricingRules');
    this.settings = doc.getMap('quoteSettings');
  }

  listTemplates({ includeArchived = false } = {}): QuoteTemplate[] {
    return [...this.templates.keys()]
      .map((id) => this.getTemplate(id)!)
      .filter((t) => includeArchived || !t.archived)
      .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  }

  getTemplate(id: string): QuoteTemplate | undefined {
    return readWholeRecord<QuoteTemplateBody>(this.templates, id, 'body');
  }

  /** Creates or replaces a template; checked whole first, so a bad section writes nothing. */
  setTemplate(id: string, input: QuoteTemplateInput, at: string, by?: string): QuoteTemplate {
    checkId(id);
    const valid = parseOrThrow(quoteTemplateInput, input);
    writeWholeRecord(this.templates, id, 'body', valid, at, by);
    return this.getTemplate(id)!;
  }

  /** Templates are archived, never deleted: quotes made from them keep pointing at them. */
  archiveTemplate(id: string, archived = true) {
    archiveWholeRecord(this.templates, id, archived, 'template');
  }

  listPricingRules({ includeArchived = false } = {}): (PricingRule & SavedMeta)[] {
    return [...this.pricingRules.keys()]
      .map((id) => this.getPricingRule(id)!)
      .filter((r) => includeArchived || !r.archived)
      .sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  }

  /** The rules pricing runs with: active, not archived. */
  activePricingRules(): PricingRule[] {
    return this.listPricingRules().filter((r) => r.active).map(({ archived: _a, updatedAt: _u, updatedBy: _b, ...rule }) => rule);
  }

  getPricingRule(id: string): (PricingRule & SavedMeta) | undefined {
    return readWholeRecord<PricingRule>(this.pricingRules, id, 'definition');
  }

  /** Creates or replaces a rule (the id in the input is ignored: the key is the id). */
  setPricingRule(id: string, input: unknown, at: string, by?: string): PricingRule {
    checkId(id);
    const rule = parsePricingRule({ ...(typeof input === 'object' && input !== null ? input : {}), id });
    writeWholeRecord(this.pricingRules, id, 'definition', rule, at, by);
    return rule;
  }

  archivePricingRule(id: string, archived = true) {
    archiveWholeRecord(this.pricingRules, id, archived, 'pricing rule');
  }

  readApprovalConfig(): ApprovalConfig {
    const raw = this.settings.get('approvalConfig');
    if (typeof raw !== 'string') return approvalConfig.parse({});
    const parsed = approvalConfig.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : approvalConfig.parse({});
  }

  setApprovalConfig(input: unknown) {
    const valid = parseApprovalConfig(input);
    this.settings.set('approvalConfig', JSON.stringify(valid));
  }

  readFollowUpPolicy(): FollowUpPolicy {
    const raw = this.settings.get('followUpPolicy');
    const fallback = followUpPolicy.parse({ approverReminder: { afterHours: 24, everyHours: 24, max: 3 }, clientFollowUps: [{ from: 'sent', days: 3 }, { from: 'sent', days: 7 }, { from: 'expiry', daysBefore: 2 }] });
    if (typeof raw !== 'string') return fallback;
    const parsed = followUpPolicy.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : fallback;
  }

  setFollowUpPolicy(input: unknown) {
    const valid = parseFollowUpPolicy(input);
    this.settings.set('followUpPolicy', JSON.stringify(valid));
  }

  readDelegations(): Delegation[] {
    const raw = this.settings.get('delegations');
    if (typeof raw !== 'string') return [];
    const parsed = z.array(delegationInput).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  }

  setDelegations(input: unknown) {
    const valid = parseOrThrow(z.array(delegationInput).max(200), input);
    this.settings.set('delegations', JSON.stringify(valid));
  }

  readDefaults(): QuoteDefaults {
    const f = this.settings.toJSON() as Record<string, Scalar>;
    const parsed = quoteDefaultsInput.safeParse({ validityDays: f.validityDays, portalLinkDays: f.portalLinkDays, sendOnApproval: f.sendOnApproval });
    return parsed.success ? parsed.data : quoteDefaultsInput.parse({});
  }

  updateDefaults(patch: Partial<QuoteDefaults>) {
    const valid = parseOrThrow(quoteDefaultsInput.partial(), patch);
    this.doc.transact(() => writeFields(this.settings, valid));
  }
}
