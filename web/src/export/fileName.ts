import type { CompanyExport } from '../api/export';

// Only what a file name may hold on every system: letters, digits, dots, dashes and underscores.
const safe = (part: string) => part.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');

/**
 * The downloaded file's name, as the server names it in Content-Disposition (facturo-<slug>-<day>.json),
 * from the export itself; facturo-<companyId>-<today>.json when it lacks the slug or the date.
 */
export function exportFileName(data: Pick<CompanyExport, 'exportedAt' | 'company'>, companyId: string, today: string): string {
  const who = safe(data.company?.slug ?? '') || safe(companyId);
  const day = /^\d{4}-\d{2}-\d{2}/.exec(data.exportedAt ?? '')?.[0] ?? today;
  return `facturo-${who}-${day}.json`;
}
