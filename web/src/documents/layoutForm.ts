import { ValidationError, type Workspace } from '@facturo/core';
import type { EditResult } from '../stores/workspaceEdits';

// The "Apparence des documents" form: what a person types, turned into a layout patch for
// ws.updateLayout, which checks it whole (a refused value writes nothing; the layout in force stays).

export type LayoutField = 'accentColor' | 'font' | 'columns.unit' | 'columns.discount' | 'footerText' | 'paymentInstructions';

/**
 * A colour as typed: "#1F4E79", "1f4e79", "#abc" (short form) → "#1f4e79". Anything else is returned as
 * typed, so that core refuses it with its own message.
 */
export function parseHexColour(raw: string): string {
  const s = raw.trim().toLowerCase();
  const six = /^#?([0-9a-f]{6})$/.exec(s)?.[1];
  if (six) return `#${six}`;
  const three = /^#?([0-9a-f]{3})$/.exec(s)?.[1];
  if (three) return `#${[...three].map((c) => c + c).join('')}`;
  return raw.trim();
}

type LayoutPatch = Parameters<Workspace['updateLayout']>[0];

/** The patch one field of the form makes; a checkbox reads "true" / "false". */
export function layoutPatch(field: LayoutField, raw: string): LayoutPatch {
  switch (field) {
    case 'accentColor':
      return { accentColor: parseHexColour(raw) };
    case 'font':
      return { font: raw };
    case 'columns.unit':
      return { columns: { unit: raw === 'true' } };
    case 'columns.discount':
      return { columns: { discount: raw === 'true' } };
    case 'footerText':
      return { footerText: raw.trim() === '' ? '' : raw };
    case 'paymentInstructions':
      return { paymentInstructions: raw.trim() === '' ? '' : raw };
  }
}

/** Writes one field of the layout; a refusal comes back under the form's field name, nothing written. */
export function editLayout(ws: Workspace, field: LayoutField, raw: string): EditResult {
  try {
    ws.updateLayout(layoutPatch(field, raw));
    return { ok: true };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { ok: false, errors: { [field]: e.fields[field] ?? Object.values(e.fields)[0] ?? e.message } };
  }
}
