import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, Show } from 'solid-js';
import { auditApi } from '../api/audit';
import { trailRows } from '../audit/changes';
import { actorName } from '../audit/reading';
import { describeError } from '../errors';
import type { DocumentIndexEntry } from '@facturo/core';
import { formatDay, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { ChangeList } from '../components/audit/ChangeList';
import { createReading } from '../components/audit/createReading';
import { EventFeed } from '../components/audit/EventFeed';
import { EmptyState, Notice } from '../components/Notice';
import { createCustomerRows } from '../components/customerRows';

/** A document as people know it: its number once issued, else the day its draft was begun. */
function documentName(entry: DocumentIndexEntry | undefined, id: string): string {
  if (entry?.number) return t(entry.kind === 'credit_note' ? 'trail.where.creditNote' : 'trail.where.invoice', { number: entry.number });
  return t('trail.where.document', { date: entry ? formatDay(entry.createdAt.slice(0, 10)) : id });
}

/** /c/:companyId/members/:userId/activity — what one member did: their events, then their changes. */
export default function MemberTrail() {
  const params = useParams<{ userId: string }>();
  const { company, replica, can } = useCompany();
  const reading = createReading();
  const [trail] = createResource(() => (can('audit.read') ? params.userId : false), (userId) => auditApi.member(company.id, userId));
  const name = () => actorName(params.userId, reading());
  const ws = replica.workspace;
  const customers = createCustomerRows(company.id);
  const rows = createMemo(() =>
    trailRows(
      trail()?.changes ?? [],
      {
        customer: (id) => customers().get(id)?.name ?? null,
        product: (id) => (replica.version(), ws.getProduct(id)?.name ?? null),
        document: (id) => documentName(ws.getDocument(id), id),
      },
      reading(),
    ),
  );

  return (
    <>
      <div class="page-head">
        <A href={`/c/${company.id}/members`} class="back">← {t('trail.back')}</A>
        <h1 data-testid="trail-title">{t('trail.title', { name: name() })}</h1>
        <p class="muted">{t('trail.lead', { name: name() })}</p>
      </div>
      <Show when={can('audit.read')} fallback={<Notice kind="info">{t('err.forbidden')}</Notice>}>
        <Show when={trail.error}>
          <Notice kind="warning">{t('audit.unavailable')} {describeError(trail.error)}</Notice>
        </Show>
        <Show when={trail()} fallback={<Show when={!trail.error}><p class="muted">{t('common.loading')}</p></Show>}>
          {(tr) => (
            <>
              <section class="card" aria-labelledby="trail-events">
                <h2 id="trail-events">{t('trail.events')}</h2>
                <Show when={tr().events.length > 0} fallback={<EmptyState title={t('trail.noEvents')} />}>
                  <EventFeed items={tr().events} reading={reading()} testid="trail-events" />
                </Show>
              </section>
              <section class="card" aria-labelledby="trail-changes">
                <h2 id="trail-changes">{t('trail.changes')}</h2>
                <Show when={rows().length > 0} fallback={<EmptyState title={t('trail.noChanges')} />}>
                  <ChangeList rows={rows()} reading={reading()} testid="trail-changes" />
                </Show>
              </section>
            </>
          )}
        </Show>
      </Show>
    </>
  );
}
