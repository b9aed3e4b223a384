import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api/http';
import type { InvoiceSummary } from '../api/invoices';
import type { OutboxEntry } from './db';
import { issueSender, waitingForSync, type DraftProbe, type IssueDeps } from './issueSender';

const entry = (payload: unknown): OutboxEntry => ({
  id: 'ob_1', companyId: 'co_AAAAAAAAAAAAAAAA', kind: 'issue', payload, idempotencyKey: 'KEY', createdAt: '2026-01-01T00:00:00Z', seq: 1, attempts: 0, lastError: null,
});
const issued: InvoiceSummary = { id: 'dc_1', kind: 'invoice', status: 'issued', number: 'F-2026-00001', customer: 'cu_1', issueDate: '2026-01-02', dueDate: '2026-02-01', currency: 'EUR', totalExclTax: '100.00', totalTax: '20.00', totalInclTax: '120.00' };

function harness(answers: (() => Promise<InvoiceSummary>)[], opts: { acked?: boolean[]; hash?: string } = {}) {
  const posts: { body: { draftHash: string }; key: string }[] = [];
  const recorded: InvoiceSummary[] = [];
  let released = 0;
  const acked = [...(opts.acked ?? [])];
  const probe: DraftProbe = {
    whenAcked: async () => acked.shift() ?? true,
    draftHash: async () => opts.hash ?? 'recomputed',
    release: () => void released++,
  };
  const deps: IssueDeps = {
    openDraft: async () => probe,
    post: async (_c, _id, body, key) => {
      posts.push({ body, key });
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      return next();
    },
    onIssued: async (_c, s) => void recorded.push(s),
  };
  return { send: issueSender(deps), posts, recorded, released: () => released };
}
const fail = (e: Error) => () => Promise.reject(e);

describe('issue command', () => {
  it('posts the hash of the draft the user saw, with the key made at the click, and records the number', async () => {
    const h = harness([async () => issued]);
    expect(await h.send(entry({ documentId: 'dc_1', draftHash: 'seen' }))).toEqual({ ok: true });
    expect(h.posts).toEqual([{ body: { draftHash: 'seen' }, key: 'KEY' }]);
    expect(h.recorded).toEqual([issued]);
    expect(h.released()).toBe(1);
  });

  it('waits, without posting, while the server has not acknowledged every local edit of the draft', async () => {
    const h = harness([], { acked: [false] });
    expect(await h.send(entry({ documentId: 'dc_1', draftHash: 'seen' }))).toMatchObject({ ok: false, retry: true, error: waitingForSync });
    expect(h.posts).toEqual([]);
    expect(h.released()).toBe(1);
  });

  it('after draft_out_of_sync, retries soon with the same key and a hash recomputed once acknowledged', async () => {
    const h = harness([fail(new ApiError(409, 'draft_out_of_sync', 'lacks edits')), async () => issued], { hash: 'merged' });
    const first = await h.send(entry({ documentId: 'dc_1', draftHash: 'seen' }));
    expect(first).toMatchObject({ ok: false, retry: true, retryInMs: 1000, payload: { documentId: 'dc_1', stale: true } });
    const payload = first.ok ? null : first.payload;
    expect(await h.send(entry(payload))).toEqual({ ok: true });
    expect(h.posts.map((p) => p.body.draftHash)).toEqual(['seen', 'merged']);
    expect(h.posts.map((p) => p.key)).toEqual(['KEY', 'KEY']);
  });

  it('refuses for good with the named problems when the server says the draft is not issuable', async () => {
    const fields = { 'seller.siren': 'the company’s SIREN is required (settings)' };
    const h = harness([fail(new ApiError(422, 'not_issuable', 'cannot be issued', fields))]);
    expect(await h.send(entry({ documentId: 'dc_1', draftHash: 'seen' }))).toMatchObject({ ok: false, retry: false, fields });
  });

  it('keeps retrying on network errors and server failures', async () => {
    const h = harness([fail(new NetworkError(new TypeError('Failed to fetch'))), fail(new ApiError(503, 'http_503', 'down'))]);
    expect(await h.send(entry({ documentId: 'dc_1', draftHash: 'seen' }))).toMatchObject({ ok: false, retry: true });
    expect(await h.send(entry({ documentId: 'dc_1', draftHash: 'seen' }))).toMatchObject({ ok: false, retry: true });
  });

  it('counts a document already issued as done', async () => {
    const h = harness([fail(new ApiError(409, 'already_issued', 'issued as F-2026-00001'))]);
    expect(await h.send(entry({ documentId: 'dc_1', draftHash: 'seen' }))).toEqual({ ok: true });
  });

  it('refuses a malformed command without calling the server', async () => {
    const h = harness([]);
    expect(await h.send(entry({ documentId: 'dc_1' }))).toMatchObject({ ok: false, retry: false });
    expect(h.posts).toEqual([]);
  });
});
