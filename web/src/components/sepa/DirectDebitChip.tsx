import { Show } from 'solid-js';
import type { DirectDebitState } from '../../api/invoices';
import { debitChip, shortDay } from '../../stores/sepaDebits';
import { formatDay, t } from '../../i18n';
import './sepa.css';

/** "Prélèvement prévu le 15/03", "Envoyé à la banque", "Payée par prélèvement", "Prélèvement rejeté". */
export function DirectDebitChip(props: { debit: DirectDebitState | null | undefined }) {
  const chip = () => debitChip(props.debit);
  return (
    <Show when={chip()}>
      {(c) => (
        <span
          class="chip debit-chip" data-tone={c().tone} data-status={props.debit?.status} data-testid="invoice-debit"
          title={t('debit.dateTitle', { date: formatDay(c().date) })}
        >
          {t(c().key, { date: shortDay(c().date) })}
        </span>
      )}
    </Show>
  );
}
