import { ValidationError, type Product, type QuoteSettings, type QuoteTemplate, type QuoteTemplateInput } from '@facturo/core';
import { parseInput } from './fieldInput';
import type { SaveResult } from './pricingRuleForm';

// The quote template editor's state: typed strings (decimal comma in French), turned into core's
// QuoteTemplateInput and back. setTemplate checks the template whole; its ValidationError keys
// (`sections[1].lines[0].quantity`) are the form's field names.

export interface TemplateLineForm {
  productId: string;
  description: string;
  quantity: string;
  unit: string;
  /** Empty: the catalog price of the product applies, with the pricing rules. */
  unitPrice: string;
  optional: boolean;
  selected: boolean;
}

export interface TemplateSectionForm {
  title: string;
  text: string;
  /** A PNG or JPEG data URL, or ''. */
  image: string;
  lines: TemplateLineForm[];
}

export interface TemplateForm {
  name: string;
  description: string;
  title: string;
  validityDays: string;
  intro: string;
  closing: string;
  depositPercent: string;
  paymentTermsDays: string;
  sections: TemplateSectionForm[];
}

export function emptyLine(): TemplateLineForm {
  return { productId: '', description: '', quantity: '1', unit: '', unitPrice: '', optional: false, selected: true };
}

export function emptySection(): TemplateSectionForm {
  return { title: '', text: '', image: '', lines: [emptyLine()] };
}

export function emptyTemplateForm(validityDays = 30): TemplateForm {
  return { name: '', description: '', title: '', validityDays: String(validityDays), intro: '', closing: '', depositPercent: '', paymentTermsDays: '', sections: [emptySection()] };
}

/** A catalog product chosen for a line: its name, unit and price fill the line (all still editable). */
export function lineFromProduct(line: TemplateLineForm, p: Product, lang: 'fr' | 'en' = 'fr'): TemplateLineForm {
  return { ...line, productId: p.id, description: p.description ? `${p.name} — ${p.description}` : p.name, unit: p.unit, unitPrice: comma(p.unitPrice, lang === 'fr') };
}

const opt = (raw: string) => (raw.trim() === '' ? undefined : raw.trim());
const optDecimal = (raw: string) => (raw.trim() === '' ? undefined : String(parseInput('decimal', raw)));
const optInteger = (raw: string) => (raw.trim() === '' ? undefined : /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN);
const comma = (v: string | number | undefined, fr: boolean) => (v === undefined ? '' : fr ? String(v).replace('.', ',') : String(v));
const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function templateInputOf(f: TemplateForm): QuoteTemplateInput {
  return compact({
    name: f.name.trim(),
    description: opt(f.description),
    title: opt(f.title),
    validityDays: optInteger(f.validityDays) ?? Number.NaN,
    intro: opt(f.intro),
    closing: opt(f.closing),
    depositPercent: optDecimal(f.depositPercent),
    paymentTermsDays: optInteger(f.paymentTermsDays),
    sections: f.sections.map((s) =>
      compact({
        title: s.title.trim(),
        text: opt(s.text),
        image: s.image || undefined,
        lines: s.lines.map((l) =>
          compact({
            productId: opt(l.productId),
            description: l.description.trim(),
            quantity: optDecimal(l.quantity) ?? '1',
            unit: opt(l.unit),
            unitPrice: optDecimal(l.unitPrice),
            optional: l.optional,
            // A firm line is always taken: "selected" means something only for an option.
            selected: l.optional ? l.selected : true,
          }),
        ),
      }),
    ),
  });
}

export function templateFormOf(t: QuoteTemplate, lang: 'fr' | 'en' = 'fr'): TemplateForm {
  const fr = lang === 'fr';
  return {
    name: t.name, description: t.description ?? '', title: t.title ?? '', validityDays: String(t.validityDays), intro: t.intro ?? '', closing: t.closing ?? '',
    depositPercent: comma(t.depositPercent, fr), paymentTermsDays: t.paymentTermsDays === undefined ? '' : String(t.paymentTermsDays),
    sections: t.sections.map((s) => ({
      title: s.title, text: s.text ?? '', image: s.image ?? '',
      lines: s.lines.map((l) => ({
        productId: l.productId ?? '', description: l.description, quantity: comma(l.quantity, fr), unit: l.unit ?? '', unitPrice: comma(l.unitPrice, fr),
        optional: l.optional, selected: l.selected,
      })),
    })),
  };
}

/** Checks the template whole with core and writes it into the workspace document. */
export function saveTemplate(qs: QuoteSettings, id: string, form: TemplateForm, at: string, by?: string): SaveResult<QuoteTemplate> {
  try {
    return { ok: true, value: qs.setTemplate(id, templateInputOf(form), at, by) };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, errors: e.fields };
    throw e;
  }
}

/** An image chosen for a section: PNG or JPEG, 500 KB at most (the template's own limit), as a data URL. */
export function checkSectionImage(file: { type: string; size: number }): 'type' | 'size' | null {
  if (file.type !== 'image/png' && file.type !== 'image/jpeg') return 'type';
  return file.size > 500 * 1024 ? 'size' : null;
}
