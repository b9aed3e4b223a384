import * as Y from 'yjs';
import { archiveWholeRecord, readWholeRecord, writeWholeRecord, type SavedMeta, type Scalar } from '../schema/records';
import { ValidationError } from '../schema/fields';
import { Workspace } from '../schema/workspace';
import { defaultDunningPolicy } from './default-policy';
import { parseDunningPolicy, type DunningPolicy } from './policy';

// Dunning policies live in the workspace document like plans (ARCHITECTURE "Where data lives"): edited offline on
// any device, read by the server's dunning job. Each policy is one Y.Map whose `definition` is the parsed policy as
// JSON, a whole record (schema/records.ts): two people editing one see the last complete version win, never a mix
// of their steps. Policies are archived, never deleted: reminder keys and history name them.

const idPattern = /^[A-Za-z0-9_-]{1,40}$/;

export type StoredDunningPolicy = DunningPolicy & SavedMeta;

export class DunningPolicyBook {
  readonly policies: Y.Map<Y.Map<Scalar>>;

  constructor(readonly doc: Y.Doc) {
    this.policies = doc.getMap('dunningPolicies');
  }

  get(id: string): StoredDunningPolicy | undefined {
    return readWholeRecord<DunningPolicy>(this.policies, id, 'definition');
  }

  /** In the order an invoice tries them (select.ts): by priority, the default policy last. */
  list({ includeArchived = false } = {}): StoredDunningPolicy[] {
    return [...this.policies.keys()]
      .map((id) => this.get(id) as StoredDunningPolicy)
      .filter((p) => includeArchived || !p.archived)
      .sort((a, b) => Number(a.isDefault) - Number(b.isDefault) || a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Every policy, archived ones flagged: what dunningDue reads (an archived policy finishes the sequences it started). */
  all(): (DunningPolicy & { archived: boolean })[] {
    return this.list({ includeArchived: true }).map(({ updatedAt: _u, updatedBy: _b, ...p }) => p);
  }

  /** Creates or replaces a policy; a ValidationError names each bad field ("steps[2].offsetDays") and nothing is written. */
  set(id: string, input: unknown, at: string, by?: string): DunningPolicy {
    if (!idPattern.test(id)) throw new ValidationError({ id: 'letters, digits, "_" or "-" (at most 40)' });
    const policy = parseDunningPolicy({ ...(typeof input === 'object' && input !== null ? input : {}), id }, new Workspace(this.doc).customValueNames());
    writeWholeRecord(this.policies, id, 'definition', policy, at, by);
    return policy;
  }

  /** Writes the French default policy (default-policy.ts) when the company has no policy yet; true when it did. */
  installDefault(at: string, by?: string): boolean {
    if (this.policies.size > 0) return false;
    this.set(defaultDunningPolicy.id, defaultDunningPolicy, at, by);
    return true;
  }

  archive(id: string, archived = true): void {
    archiveWholeRecord(this.policies, id, archived, 'dunning policy');
  }
}
