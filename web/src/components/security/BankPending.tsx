import { createSignal, Match, Show, Switch } from 'solid-js';
import { bankApi, type BankChange } from '../../api/bank';
import { actorName, formatIban, formatInstant, type Reading } from '../../audit/reading';
import { bankRefusal, mayDo } from '../../security/bank';
import { describeError } from '../../errors';
import { t } from '../../i18n';
import { ConfirmDialog } from '../ConfirmDialog';
import { Notice } from '../Notice';

type Decision = 'approve' | 'reject' | 'withdraw';

/**
 * The request waiting for a second person, shown to every member: who asked, when, from what to what.
 * Another member allowed to change bank details approves or rejects it (with a reason); its asker withdraws it.
 */
export function BankPending(props: {
  companyId: string;
  change: BankChange;
  me: { userId: string; bankEdit: boolean };
  online: boolean;
  reading: Reading;
  onDecided: (done: BankChange, how: Decision) => void;
}) {
  const [open, setOpen] = createSignal<Decision | null>(null);
  const [reason, setReason] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const who = () => actorName(props.change.requestedBy, props.reading);
  const role = () => mayDo(props.change, props.me);

  const start = (d: Decision) => {
    setError(null);
    setReason('');
    setOpen(d);
  };
  const decide = async () => {
    const d = open();
    if (!d) return;
    setBusy(true);
    setError(null);
    try {
      const id = props.change.id;
      const done =
        d === 'approve' ? await bankApi.approve(props.companyId, id) : d === 'reject' ? await bankApi.reject(props.companyId, id, reason().trim()) : await bankApi.withdraw(props.companyId, id);
      setOpen(null);
      props.onDecided(done, d);
    } catch (e) {
      const key = bankRefusal(e);
      setError(key ? t(key) : describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="bank-pending" data-testid="bank-pending">
      <h3 class="subsection-title">{t('bank.pendingTitle')}</h3>
      <p class="small" data-testid="bank-pending-by">{t('bank.pendingBy', { who: who(), when: formatInstant(props.change.requestedAt, props.reading.lang) })}</p>
      <dl class="facts bank-compare">
        <dt>{t('bank.from')}</dt>
        <dd class="mono" data-testid="bank-pending-from">{props.change.current.iban ? formatIban(props.change.current.iban) : t('bank.notSet')}{props.change.current.bic ? ` · ${props.change.current.bic}` : ''}</dd>
        <dt>{t('bank.to')}</dt>
        <dd class="mono bank-new" data-testid="bank-pending-to">{formatIban(props.change.iban)}{props.change.bic ? ` · ${props.change.bic}` : ''}</dd>
      </dl>
      <Switch>
        <Match when={role() === 'decide'}>
          <div class="actions">
            <button type="button" class="btn primary" disabled={!props.online} onClick={() => start('approve')} data-testid="bank-approve">{t('bank.approve')}</button>
            <button type="button" class="btn danger" disabled={!props.online} onClick={() => start('reject')} data-testid="bank-reject">{t('bank.reject')}</button>
          </div>
        </Match>
        <Match when={role() === 'withdraw'}>
          <p class="hint">{t('bank.waitOther')}</p>
          <div class="actions">
            <button type="button" class="btn" disabled={!props.online} onClick={() => start('withdraw')} data-testid="bank-withdraw">{t('bank.withdraw')}</button>
          </div>
        </Match>
        <Match when={true}>
          <p class="hint">{t('bank.waitSomeone')}</p>
        </Match>
      </Switch>
      <ConfirmDialog
        open={open() !== null}
        // A rejection says why (the server wants 3 characters at least).
        busy={busy() || (open() === 'reject' && reason().trim().length < 3)}
        title={t(open() === 'approve' ? 'bank.approveTitle' : open() === 'reject' ? 'bank.rejectTitle' : 'bank.withdrawTitle')}
        titleId="bank-decision-title"
        testId="bank-decision-dialog"
        confirmLabel={t(open() === 'approve' ? 'bank.approveConfirm' : open() === 'reject' ? 'bank.rejectConfirm' : 'bank.withdrawConfirm')}
        confirmTestId="confirm-bank-decision"
        tone={open() === 'approve' ? 'primary' : 'danger'}
        onConfirm={() => void decide()}
        onClose={() => setOpen(null)}
      >
        <Show when={open() === 'approve'}>
          <p>{t('bank.approveExplain', { who: who() })}</p>
          <p class="mono bank-new bank-confirm" data-testid="bank-confirm-iban">{formatIban(props.change.iban)}{props.change.bic ? ` · ${props.change.bic}` : ''}</p>
        </Show>
        <Show when={open() === 'reject'}>
          <div class="field">
            <label for="bank-reason">{t('bank.reason')}</label>
            <textarea id="bank-reason" rows={3} maxlength={500} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} aria-describedby="bank-reason-hint" />
            <p class="hint" id="bank-reason-hint">{t('bank.reasonHint')}</p>
          </div>
        </Show>
        <Show when={open() === 'withdraw'}>
          <p>{t('bank.withdrawExplain')}</p>
        </Show>
        <Show when={error()}>{(m) => <Notice kind="error" testid="bank-decision-error">{m()}</Notice>}</Show>
      </ConfirmDialog>
    </div>
  );
}
