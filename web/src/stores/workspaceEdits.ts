import {
  ValidationError, address, checkBic, checkIban, checkSiren, checkSiret, checkVatNumber, createCustomerIn, customerInput, productInput,
  type CustomerBook, type CustomerInput, type IdentifierCheck, type ProductInput, type Workspace,
} from '@facturo/core';
import { parseInput, type FieldValue, type InputKind } from './fieldInput';

// Field-by-field edits of the workspace and of a customer's own document from forms: each keystroke that
// makes a valid value is written at once (so others see it live); an invalid one writes nothing and returns
// core's message for that field.

/** Field name -> core's message. Nested names ("address.city") are flattened to the form's ("city"). */
export type FieldErrors = Record<string, string>;
export type EditResult = { ok: true } | { ok: false; errors: FieldErrors };

interface FieldSchema {
  safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } };
}

const addressFields = ['line1', 'line2', 'postcode', 'city', 'country'] as const;
type AddressField = (typeof addressFields)[number];
const isAddressField = (f: string): f is AddressField => (addressFields as readonly string[]).includes(f);

/** The delivery address is stored flat with a prefix: deliveryCity is the delivery address's city. */
const deliveryField = (f: AddressField) => `delivery${f[0]?.toUpperCase() ?? ''}${f.slice(1)}`;
const deliveryFields: Record<string, AddressField> = Object.fromEntries(addressFields.map((f) => [deliveryField(f), f]));
const isDeliveryField = (f: string): boolean => Object.hasOwn(deliveryFields, f);

/** A schema path ("address.city", "deliveryAddress.city", "name") as the form names the field. */
export function formFieldOf(path: string): string {
  const delivery = /^deliveryAddress\.(\w+)$/.exec(path)?.[1];
  if (delivery && isAddressField(delivery)) return deliveryField(delivery);
  return path.replace(/^address\./, '');
}

function flatErrors(e: ValidationError): FieldErrors {
  return Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [formFieldOf(k), v]));
}

function attempt(field: string | null, write: () => void): EditResult {
  try {
    write();
    return { ok: true };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, errors: flatErrors(e) };
    if (field !== null && e instanceof Error) return { ok: false, errors: { [field]: e.message } };
    throw e;
  }
}

/** Clearing a field the schema requires would delete it: refuse with the schema's own message. */
function requiredError(schema: FieldSchema | undefined, field: string, value: FieldValue): EditResult | null {
  if (value !== '' || !schema || schema.safeParse(undefined).success) return null;
  const message = schema.safeParse('').error?.issues[0]?.message ?? 'required';
  return { ok: false, errors: { [field]: message } };
}

function shapeOf(shape: object, field: string): FieldSchema | undefined {
  return (shape as Record<string, FieldSchema | undefined>)[field];
}

/** Identifiers are checked by core/identifiers (check digits, lengths) and stored normalized. */
const identifierChecks: Record<string, (v: string) => IdentifierCheck> = {
  siren: checkSiren,
  siret: checkSiret,
  vatNumber: checkVatNumber,
  iban: checkIban,
  bic: checkBic,
};

/** The value to write, or the identifier's problem; other fields pass through. */
function checkedValue(field: string, value: FieldValue): { value: FieldValue } | { error: EditResult } {
  const check = identifierChecks[field];
  if (!check || typeof value !== 'string' || value === '') return { value };
  const result = check(value);
  return result.ok ? { value: result.normalized } : { error: { ok: false, errors: { [field]: result.message } } };
}

export function editSettings(ws: Workspace, field: string, kind: InputKind, raw: string): EditResult {
  const checked = checkedValue(field, parseInput(kind, raw));
  if ('error' in checked) return checked.error;
  const value = checked.value;
  // updateSettings clears a field given as undefined.
  return attempt(field, () => ws.updateSettings({ [field]: value === '' ? undefined : value }));
}

/** A new company logo (a data URL read from the chosen file), under a new id: issued invoices keep the old one. */
export function editLogo(ws: Workspace, dataUrl: string, id: string): EditResult {
  return attempt('logo', () => ws.setLogo(id, dataUrl));
}

export function editCustomer(book: CustomerBook, id: string, field: string, kind: InputKind, raw: string): EditResult {
  const checked = checkedValue(field, parseInput(kind, raw));
  if ('error' in checked) return checked.error;
  const value = checked.value;
  const schema = isAddressField(field)
    ? shapeOf(address.shape, field)
    : isDeliveryField(field)
      ? shapeOf(address.shape, deliveryFields[field] ?? '')
      : shapeOf(customerInput.shape, field);
  // updateCustomer clears a field given as ''.
  return requiredError(schema, field, value) ?? attempt(field, () => book.updateCustomer(id, { [field]: value }));
}

export function editProduct(ws: Workspace, id: string, field: string, kind: InputKind, raw: string): EditResult {
  const value = parseInput(kind, raw);
  return requiredError(shapeOf(productInput.shape, field), field, value) ?? attempt(field, () => ws.updateProduct(id, { [field]: value }));
}

export function setCustomerArchived(book: CustomerBook, id: string, archived: boolean): void {
  book.updateCustomer(id, { archived });
}

export function setProductArchived(ws: Workspace, id: string, archived: boolean): void {
  ws.updateProduct(id, { archived });
}

/** A form draft: raw strings typed by the user, with the kind of each field. */
export type Draft = Record<string, { kind: InputKind; raw: string }>;

function parsedDraft(draft: Draft): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [field, { kind, raw }] of Object.entries(draft)) {
    const v = parseInput(kind, raw);
    if (v !== '') out[field] = v;
  }
  return out;
}

/**
 * A new customer from the form: its record in its own document (`book`, opened only once the input is
 * valid, so a refused form leaves no document behind) and its entry in the workspace's directory.
 */
export function createCustomer(ws: Workspace, book: () => CustomerBook, id: string, draft: Draft, now: string, createdBy?: string): EditResult {
  const flat = parsedDraft(draft);
  const problems: FieldErrors = {};
  for (const [field, v] of Object.entries(flat)) {
    const checked = checkedValue(field, v);
    if ('error' in checked) Object.assign(problems, checked.error.ok ? {} : checked.error.errors);
    else flat[field] = checked.value;
  }
  const addr = Object.fromEntries(Object.entries(flat).filter(([k]) => isAddressField(k)));
  const delivery = Object.fromEntries(Object.entries(flat).flatMap(([k, v]) => (isDeliveryField(k) ? [[deliveryFields[k], v]] : [])));
  const rest = Object.fromEntries(Object.entries(flat).filter(([k]) => !isAddressField(k) && !isDeliveryField(k) && !(k in problems)));
  const input = {
    ...rest,
    ...(Object.keys(addr).length > 0 ? { address: addr } : {}),
    ...(Object.keys(delivery).length > 0 ? { deliveryAddress: delivery } : {}),
  } as CustomerInput;
  const parsed = customerInput.safeParse(input);
  if (parsed.success && Object.keys(problems).length === 0) return attempt(null, () => createCustomerIn(ws, book(), id, input, now, createdBy));
  // Report every wrong field at once: the schema's problems with the rest, without writing anything.
  const schemaErrors: FieldErrors = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) schemaErrors[formFieldOf(issue.path.map(String).join('.'))] ??= issue.message;
  return { ok: false, errors: { ...schemaErrors, ...problems } };
}

export function createProduct(ws: Workspace, id: string, draft: Draft, now: string): EditResult {
  return attempt(null, () => ws.createProduct(id, parsedDraft(draft) as ProductInput, now));
}
