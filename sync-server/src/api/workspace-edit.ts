import * as Y from 'yjs';
import { editDocuments, workspaceOf, type Actor } from '../commands/run';
import { newDoc } from '../ydoc';
import type { Services } from '../services';

/**
 * A REST write to the company's workspace document (quote settings, plans): `change` runs first on a copy, so a
 * ValidationError names the bad field and nothing is written (the 400), then as a logged server edit of the real
 * document, relayed live to every device as a teammate's edit would be. Returns what `change` returned on the copy.
 */
export async function editWorkspace<T>(s: Services, actor: Actor, name: string, request: unknown, change: (doc: Y.Doc) => T): Promise<T> {
  const { ws, room } = await workspaceOf(s, actor.companyId);
  const probe = newDoc();
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(ws.doc));
  const result = change(probe);
  await editDocuments(s, actor, name, request, async () => ({ status: 200, result: null, edits: [{ room, edit: (copy) => void change(copy) }] }));
  return result;
}
