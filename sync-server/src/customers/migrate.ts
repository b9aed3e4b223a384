import { CustomerBook, docIds, Workspace } from '@facturo/core';
import * as Y from 'yjs';
import type { Services } from '../services';
import { editDocuments, workspaceOf } from '../commands/run';
import { customerRoom, projectCustomer } from './records';

/*
 * Workspaces written before customers had documents of their own hold their records and contacts. Each is
 * moved into its own document (sealed under its own key) by a logged server edit — one customer per
 * transaction, so a crash leaves every customer either moved or not, and the next start finishes the job.
 * The workspace is then snapshotted and compacted: the old copies of personal data in its earlier updates
 * become digests, so that erasing one of those customers later leaves nothing readable behind.
 */
export async function moveCustomersOut(s: Services, companyId: string): Promise<number> {
  const { room: wsRoom, ws } = await workspaceOf(s, companyId);
  const legacy = ws.legacyCustomers.listCustomers({ includeArchived: true });
  if (legacy.length === 0) return 0;
  const actor = { companyId, by: 'system:migration' };
  for (const c of legacy) {
    const { room } = await customerRoom(s, companyId, c.id);
    await editDocuments(s, actor, 'migrate:customer', { id: c.id }, async () => ({
      status: 200,
      result: null,
      edits: [
        { room, edit: (copy) => new CustomerBook(copy).adopt(ws.legacyCustomers, c.id) },
        { room: wsRoom, edit: (copy) => {
          const w = new Workspace(copy);
          w.registerCustomer(c.id, { kind: c.kind, createdAt: c.createdAt });
          w.legacyCustomers.forget(c.id);
        } },
      ],
    }));
    await projectCustomer(s, room);
  }
  await wsRoom.settled();
  const docId = docIds.workspace(companyId);
  await s.log.appendSnapshot(companyId, docId, Y.encodeStateAsUpdate(wsRoom.doc), await lastSeq(s, companyId, docId));
  await s.log.compact(companyId, docId);
  return legacy.length;
}

async function lastSeq(s: Services, companyId: string, docId: string): Promise<number> {
  const rs = await s.db.execute({
    sql: `SELECT max(seq) AS seq FROM log WHERE company = (SELECT id FROM log_names WHERE name = ?) AND doc = (SELECT id FROM log_names WHERE name = ?)`,
    args: [companyId, docId],
  });
  return Number(rs.rows[0]?.seq ?? 0);
}

/** At start: every company whose workspace still holds customers. */
export async function moveAllCustomersOut(s: Services): Promise<{ companyId: string; moved: number }[]> {
  const companies = (await s.db.execute('SELECT id FROM companies ORDER BY id')).rows.map((r) => String(r.id));
  const out = [];
  for (const companyId of companies) {
    if (s.integrity.blockedBy(companyId)) continue; // not served until an owner acknowledges the break
    const moved = await moveCustomersOut(s, companyId);
    if (moved > 0) out.push({ companyId, moved });
  }
  return out;
}
