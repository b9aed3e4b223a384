import * as Y from 'yjs';
import { archiveWholeRecord, readWholeRecord, writeWholeRecord, type SavedMeta, type Scalar } from '../schema/records';
import { ValidationError } from '../schema/fields';
import { parsePlan, type Plan, type Plans } from './plan';

// Plans live in the workspace document (ARCHITECTURE "Where data lives"): defined and edited offline on any
// device, read by the server's billing run. Each plan is one Y.Map whose `definition` is the parsed plan as
// JSON, a whole record (schema/records.ts): the last complete definition wins. Plans are archived, never
// deleted: subscriptions and issued invoices keep pointing at them.

const idPattern = /^[A-Za-z0-9_-]{1,40}$/;

export type StoredPlan = Plan & SavedMeta;

export class PlanBook {
  readonly plans: Y.Map<Y.Map<Scalar>>;

  constructor(readonly doc: Y.Doc) {
    this.plans = doc.getMap('plans');
  }

  get(id: string): StoredPlan | undefined {
    return readWholeRecord<Plan>(this.plans, id, 'definition');
  }

  list({ includeArchived = false } = {}): StoredPlan[] {
    return [...this.plans.keys()]
      .map((id) => this.get(id) as StoredPlan)
      .filter((p) => includeArchived || !p.archived)
      .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  }

  /** Every plan, archived ones too: a subscription on an archived plan still bills (archiving only hides it from new ones). */
  all(): Plans {
    return new Map(this.list({ includeArchived: true }).map(({ archived: _a, updatedAt: _u, updatedBy: _b, ...plan }) => [plan.id, plan]));
  }

  /** Creates or replaces a plan; a ValidationError names each bad field and nothing is written. */
  set(id: string, input: unknown, at: string, by?: string): Plan {
    if (!idPattern.test(id)) throw new ValidationError({ id: 'letters, digits, "_" or "-" (at most 40)' });
    const plan = parsePlan({ ...(typeof input === 'object' && input !== null ? input : {}), id });
    writeWholeRecord(this.plans, id, 'definition', plan, at, by);
    return plan;
  }

  archive(id: string, archived = true): void {
    archiveWholeRecord(this.plans, id, archived, 'plan');
  }
}
