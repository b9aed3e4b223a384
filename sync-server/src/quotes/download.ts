import { notFound } from '../errors';
import type { Services } from '../services';
import { companyToday } from '../commands/issue';
import { renderQuote } from './pdf';
import { openQuote, readQuote } from './state';
import { readVersionPdf } from './versions';

/**
 * A quote's PDF: a version sent or accepted is the archived file (the very bytes the client got); otherwise the
 * current draft rendered now, stamped "Brouillon" (no number yet or not sent yet).
 */
export async function quotePdfFile(s: Services, companyId: string, id: string, version?: number): Promise<{ bytes: Uint8Array; sha256: string; fileName: string; archived: boolean }> {
  const { quote, ws } = await openQuote(s, companyId, id);
  const record = await readQuote(s, companyId, id);
  const current = record?.version ?? quote.readMeta().version ?? 1;
  const wanted = version ?? current;
  const archived = await readVersionPdf(s, companyId, id, wanted);
  const name = record?.number ?? id;
  if (archived) return { bytes: archived.bytes, sha256: archived.sha256, fileName: `${name}${wanted > 1 ? `-v${wanted}` : ''}.pdf`, archived: true };
  if (wanted !== current) throw notFound(`version ${wanted} of this quote`);
  const draft = await renderQuote(s, companyId, quote, ws, { number: null, version: current, issueDate: companyToday(s.now()) });
  return { bytes: draft.bytes, sha256: draft.sha256, fileName: `${name}-brouillon.pdf`, archived: false };
}
