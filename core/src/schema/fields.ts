import { z } from 'zod';
import { decimalPattern } from '../money';

// Shared field shapes for everything stored in Yjs documents and sent on the wire.
export const text = (max = 200) => z.string().trim().max(max);
export const optionalText = (max = 200) => text(max).optional();
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code, e.g. FR');
export const decimalString = z.string().trim().regex(decimalPattern, 'a decimal such as "1250.50"');
export const languageCode = z.enum(['fr', 'en']);

export const address = z.object({
  line1: optionalText(),
  line2: optionalText(),
  postcode: optionalText(20),
  city: optionalText(100),
  country: countryCode.optional(),
});
export type Address = z.infer<typeof address>;

export interface FieldError {
  field: string;
  message: string;
}

export class ValidationError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.entries(fields).map(([f, m]) => `${f}: ${m}`).join('; '));
    this.name = 'ValidationError';
  }
}

/** A zod issue path as the API and forms name the field: `address.city`, `contacts[2].email`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/** Parses with zod and turns its issues into { "address.city": "message" }, naming every field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = fieldPath(issue.path) || '(root)';
    fields[key] ??= issue.message;
  }
  throw new ValidationError(fields);
}
