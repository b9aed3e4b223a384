import { ValidationError, checkSeriesFormat, formatNumber, type SeriesInput, type Workspace } from '@facturo/core';
import type { EditResult } from './workspaceEdits';

// The "Numérotation" settings: series listed with an example of their numbers, and new series added.
// Numbers themselves are given by the server at issue (ARCHITECTURE invariant 3), never on the device.

export type Preview = { ok: true; example: string } | { ok: false; message: string };

/** What the first number of a series looks like on `date`, or the problem with its format. */
export function previewNumber(format: string, date: string): Preview {
  const checked = checkSeriesFormat(format);
  if (!checked.ok) return { ok: false, message: checked.message };
  try {
    return { ok: true, example: formatNumber(checked.format, { seq: 1, date }) };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, message: Object.values(e.fields)[0] ?? e.message };
    throw e;
  }
}

export interface NewSeries {
  id: string;
  name: string;
  kind: SeriesInput['kind'];
  format: string;
}

/** Adds a series; an existing code is refused (changing a series in use would confuse its numbers). */
export function addSeries(ws: Workspace, s: NewSeries): EditResult {
  const id = s.id.trim().toUpperCase();
  if (ws.listSeries().some((x) => x.id.toUpperCase() === id)) return { ok: false, errors: { id: 'series_exists' } };
  const format = s.format.trim();
  const checked = checkSeriesFormat(format);
  try {
    ws.setSeries(id, { kind: s.kind, name: s.name, format });
    return { ok: true };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    // core's schema names a wrong format generically; the format check says precisely what is wrong.
    return { ok: false, errors: { ...e.fields, ...(checked.ok ? {} : { format: checked.message }) } };
  }
}
