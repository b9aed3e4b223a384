import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { bankApi, type BankChange } from '../../api/bank';
import { actorName, formatIban, formatInstant, shortIban, type Reading } from '../../audit/reading';
import { pastChanges, pendingChange } from '../../security/bank';
import { session } from '../../auth/session';
import { t, type MessageKey } from '../../i18n';
import { createReading } from '../audit/createReading';
import { useCompany } from '../companyContext';
import { Notice } from '../Notice';
import { BankPending } from './BankPending';
import { BankRequestForm } from './BankRequestForm';
import './security.css';

const doneKeys: Record<'request' | 'approve' | 'reject' | 'withdraw', MessageKey> = {
  request: 'bank.requested', approve: 'bank.approved', reject: 'bank.rejected', withdraw: 'bank.withdrawn',
};

/**
 * Settings → "Coordonnées bancaires": the IBAN and BIC in force (from the replica), and their changes,
 * which go through the server: asked by one member allowed to change them, approved by another.
 */
export function BankSection() {
  const { company, replica, can } = useCompany();
  const settings = createMemo(() => (replica.version(), replica.workspace.readSettings()));
  const [changes, { refetch }] = createResource(() => company.id, bankApi.list);
  const reading = createReading();
  const [asking, setAsking] = createSignal(false);
  const [done, setDone] = createSignal<MessageKey | null>(null);
  const online = () => session.reachable();
  const me = () => ({ userId: session.me()?.user.id ?? '', bankEdit: can('bank.edit') });
  const pending = () => pendingChange(changes());
  const ask = () => {
    setDone(null);
    setAsking(true);
  };
  const finished = (how: keyof typeof doneKeys) => {
    setAsking(false);
    setDone(doneKeys[how]);
    void refetch();
  };

  return (
    // id: the invoice checklist links a missing IBAN to /settings#field-iban.
    <section class="card section bank-section" id="field-iban" tabindex="-1" aria-labelledby="bank-title" data-testid="bank-section">
      <h2 class="section-title" id="bank-title">{t('bank.title')}</h2>
      <p class="muted small bank-why" data-testid="bank-why">{t('bank.why')}</p>
      <dl class="facts">
        <dt>{t('field.iban')}</dt>
        <dd class="mono" data-testid="bank-iban">{settings().iban ? formatIban(String(settings().iban)) : t('bank.notSet')}</dd>
        <dt>{t('field.bic')}</dt>
        <dd class="mono" data-testid="bank-bic">{settings().bic ? String(settings().bic) : t('bank.notSet')}</dd>
      </dl>
      <Show when={done()}>{(key) => <Notice kind="success" testid="bank-done">{t(key())}</Notice>}</Show>
      <Show when={!online()}>
        <Notice kind="info">{t('bank.offline')}</Notice>
      </Show>
      <Show when={changes.error && online()}>
        <Notice kind="warning">{t('bank.unavailable')}</Notice>
      </Show>
      <Show
        when={pending()}
        fallback={
          <Show when={can('bank.edit')} fallback={<p class="hint locked-note" data-testid="locked-note">{t('bank.locked')}</p>}>
            <Show
              when={asking()}
              fallback={
                <div class="actions">
                  <button type="button" class="btn" disabled={!online() || changes.loading} onClick={ask} data-testid="bank-ask">
                    {t('bank.ask')}
                  </button>
                </div>
              }
            >
              <BankRequestForm companyId={company.id} onSent={() => finished('request')} onCancel={() => setAsking(false)} />
            </Show>
          </Show>
        }
      >
        {(change) => <BankPending companyId={company.id} change={change()} me={me()} online={online()} reading={reading()} onDecided={(_c, how) => finished(how)} />}
      </Show>
      <Show when={pastChanges(changes()).length > 0}>
        <details class="bank-past">
          <summary>{t('bank.pastTitle')}</summary>
          <ul class="list" data-testid="bank-past">
            <For each={pastChanges(changes())}>{(c) => <li class="small">{pastLine(c, reading())}</li>}</For>
          </ul>
        </details>
      </Show>
    </section>
  );
}

function pastLine(c: BankChange, r: Reading): string {
  const key = `bank.past.${c.status}` as MessageKey;
  return t(key, { iban: shortIban(c.iban, r), who: actorName(c.decidedBy, r), when: formatInstant(c.decidedAt, r.lang), reason: c.reason ?? '' });
}
