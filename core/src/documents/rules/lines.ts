import type { Adjustment, Invoice } from '../xml/model';
import { decimal, missing, rule, when, type BusinessRule, type Finding } from './rule';

/*
 * EN 16931-1 rules on lines (BR-21 … BR-27, BR-CO-04), allowances and charges (BR-31 … BR-44) and
 * the VAT breakdown (BR-45 … BR-48): the terms each of them must carry.
 */

type Place = 'allowances' | 'charges';

/** A rule checked on every line, at `lines[i].<field>`. */
const onLines = (id: string, field: string, message: string, broken: (line: Invoice['lines'][number]) => boolean): BusinessRule =>
  rule(id, (inv) => inv.lines.flatMap((line, i) => when(broken(line), `lines[${i}].${field}`, `line ${line.id || i + 1}: ${message} (EN 16931 ${id})`)));

/** Every allowance or charge of the document, or of each line, with its path. */
function adjustments(inv: Invoice, level: 'document' | 'line', place: Place): { a: Adjustment; path: string }[] {
  if (level === 'document') return inv[place].map((a, i) => ({ a, path: `${place}[${i}]` }));
  return inv.lines.flatMap((line, l) => line[place].map((a, i) => ({ a, path: `lines[${l}].${place}[${i}]` })));
}

const onAdjustments = (id: string, level: 'document' | 'line', place: Place, field: string, message: string, broken: (a: Adjustment) => boolean): BusinessRule =>
  rule(id, (inv): Finding[] => adjustments(inv, level, place).flatMap(({ a, path }) => when(broken(a), `${path}.${field}`, `${message} (EN 16931 ${id})`)));

const noReason = (a: Adjustment) => missing(a.reason) && missing(a.reasonCode);

const onBreakdown = (id: string, field: string, message: string, broken: (v: Invoice['vatBreakdown'][number]) => boolean): BusinessRule =>
  rule(id, (inv) => inv.vatBreakdown.flatMap((v, i) => when(broken(v), `vatBreakdown[${i}].${field}`, `VAT breakdown ${v.category} ${v.rate ?? ''}: ${message} (EN 16931 ${id})`)));

export const lineRules: BusinessRule[] = [
  onLines('BR-21', 'id', 'the line identifier (BT-126) is missing', (l) => missing(l.id)),
  onLines('BR-22', 'quantity', 'the invoiced quantity (BT-129) is missing', (l) => missing(l.quantity)),
  onLines('BR-23', 'unitCode', 'the quantity’s unit of measure (BT-130) is missing', (l) => missing(l.unitCode)),
  onLines('BR-24', 'netAmount', 'the line net amount (BT-131) is missing', (l) => missing(l.netAmount)),
  onLines('BR-25', 'name', 'the item name (BT-153) is missing', (l) => missing(l.name)),
  onLines('BR-26', 'netPrice', 'the item net price (BT-146) is missing', (l) => missing(l.netPrice)),
  onLines('BR-27', 'netPrice', 'the item net price (BT-146) is negative: credit with a negative quantity', (l) => decimal(l.netPrice)?.isNegative() ?? false),
  onLines('BR-CO-04', 'vatCategory', 'the line has no VAT category (BT-151)', (l) => missing(l.vatCategory)),
  onAdjustments('BR-31', 'document', 'allowances', 'amount', 'a document allowance needs its amount (BT-92)', (a) => missing(a.amount)),
  onAdjustments('BR-32', 'document', 'allowances', 'vatCategory', 'a document allowance needs its VAT category (BT-95)', (a) => missing(a.vatCategory)),
  onAdjustments('BR-33', 'document', 'allowances', 'reason', 'a document allowance needs a reason (BT-97) or reason code (BT-98)', noReason),
  onAdjustments('BR-36', 'document', 'charges', 'amount', 'a document charge needs its amount (BT-99)', (a) => missing(a.amount)),
  onAdjustments('BR-37', 'document', 'charges', 'vatCategory', 'a document charge needs its VAT category (BT-102)', (a) => missing(a.vatCategory)),
  onAdjustments('BR-38', 'document', 'charges', 'reason', 'a document charge needs a reason (BT-104) or reason code (BT-105)', noReason),
  onAdjustments('BR-41', 'line', 'allowances', 'amount', 'a line allowance needs its amount (BT-136)', (a) => missing(a.amount)),
  onAdjustments('BR-42', 'line', 'allowances', 'reason', 'a line allowance needs a reason (BT-139) or reason code (BT-140)', noReason),
  onAdjustments('BR-43', 'line', 'charges', 'amount', 'a line charge needs its amount (BT-141)', (a) => missing(a.amount)),
  onAdjustments('BR-44', 'line', 'charges', 'reason', 'a line charge needs a reason (BT-144) or reason code (BT-145)', noReason),
  onBreakdown('BR-45', 'taxableAmount', 'the taxable amount (BT-116) is missing', (v) => missing(v.taxableAmount)),
  onBreakdown('BR-46', 'taxAmount', 'the tax amount (BT-117) is missing', (v) => missing(v.taxAmount)),
  onBreakdown('BR-47', 'category', 'the VAT category code (BT-118) is missing', (v) => missing(v.category)),
  onBreakdown('BR-48', 'rate', 'the VAT rate (BT-119) is missing; only category O has none', (v) => v.category !== 'O' && missing(v.rate)),
];
