import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { QuoteDocument } from '@facturo/core';
import { projectQuote, QuoteCacheDb, quoteRowOf } from './quoteCache';

const co = 'co_AAAAAAAAAAAAAAAA';
const now = '2026-03-01T10:00:00.000Z';
let n = 0;
const dbs: QuoteCacheDb[] = [];
function freshDb() {
  const db = new QuoteCacheDb(`quote-cache-test-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function draftQuote(): QuoteDocument {
  const quote = new QuoteDocument(new Y.Doc());
  quote.init({ createdAt: now, currency: 'EUR', validUntil: '2026-03-31', customerId: 'cu_1' });
  return quote;
}

describe('the quotes this device last saw', () => {
  it('projects nothing before the document has arrived', () => {
    expect(quoteRowOf(co, 'dc_1', new QuoteDocument(new Y.Doc()), now)).toBeNull();
  });

  it('remembers that a quote holds edits the server has not acknowledged', () => {
    expect(quoteRowOf(co, 'dc_1', draftQuote(), now, true)).toMatchObject({ id: 'dc_1', status: 'draft', customerId: 'cu_1', unsent: true });
  });

  it('marks a quote closed offline as unsent, so it is sent later', async () => {
    const db = freshDb();
    const stop = projectQuote(db, co, 'dc_1', draftQuote(), () => false, 0);
    stop();
    await expect.poll(() => db.local.get([co, 'dc_1'])).toMatchObject({ unsent: true });
  });

  it('clears the mark once the server acknowledged every edit by the time it closes', async () => {
    const db = freshDb();
    let acked = false;
    const quote = draftQuote();
    const stop = projectQuote(db, co, 'dc_1', quote, () => acked, 0);
    await expect.poll(() => db.local.get([co, 'dc_1'])).toMatchObject({ unsent: true });
    acked = true;
    stop();
    await expect.poll(() => db.local.get([co, 'dc_1'])).toMatchObject({ unsent: false });
  });
});
