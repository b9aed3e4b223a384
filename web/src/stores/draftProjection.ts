import type { DraftDocument } from '@facturo/core';
import type { DraftRow, FacturoDb } from './db';
import { safeTotals } from './draftEdits';

// The drafts table in Dexie: what this device last saw of each draft it opened, so the list shows
// totals without opening every document. Derived, rebuilt on every change of an open draft.

export function draftRowOf(companyId: string, id: string, draft: DraftDocument, now: string, unsent = false): DraftRow | null {
  const meta = draft.readMeta();
  if (!meta.kind) return null; // not loaded or not synced yet
  const totals = safeTotals(draft);
  return {
    companyId,
    id,
    kind: meta.kind,
    status: meta.status === 'issued' ? 'issued' : 'draft',
    ...(meta.customerId ? { customerId: meta.customerId } : {}),
    ...(meta.number ? { number: meta.number } : {}),
    ...(meta.issueDate ? { issueDate: meta.issueDate } : {}),
    ...(meta.dueDate ? { dueDate: meta.dueDate } : {}),
    currency: meta.currency ?? 'EUR',
    totalExclTax: totals?.totalWithoutVat ?? (draft.lines.length === 0 ? '0.00' : null),
    totalInclTax: totals?.totalWithVat ?? (draft.lines.length === 0 ? '0.00' : null),
    updatedAt: now,
    unsent,
  };
}

/**
 * Projects an open draft after each burst of changes, and once more when it closes (with whether the
 * server then held every edit); returns the function that stops it.
 */
export function projectDraft(db: FacturoDb, companyId: string, id: string, draft: DraftDocument, acked: () => boolean, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const row = draftRowOf(companyId, id, draft, new Date().toISOString(), !acked());
    if (row) void db.drafts.put(row).catch(() => undefined);
  };
  const onUpdate = () => {
    if (timer === null) timer = setTimeout(write, delayMs);
  };
  draft.doc.on('update', onUpdate);
  onUpdate();
  return () => {
    draft.doc.off('update', onUpdate);
    if (timer !== null) clearTimeout(timer);
    write();
  };
}
