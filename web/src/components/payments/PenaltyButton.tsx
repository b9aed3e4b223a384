import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { paymentsApi } from '../../api/payments';
import { ApiError } from '../../api/http';
import { t } from '../../i18n';
import { companyToday } from '../../today';

/**
 * "Facturer les pénalités de retard" (issue 8, Code de commerce L441-10 and D441-5): on an invoice past its due date,
 * the server prepares a draft invoice of the penalties (ECB rate + 10 points, by day late, on each amount) and the 40 €
 * recovery indemnity; the user reviews it in the draft editor before issuing it. Needs a connection (a server command).
 * A refusal is told to the page (onRefused), which shows it under its toolbar.
 */
export function PenaltyButton(props: { companyId: string; invoiceId: string; dueDate: string | undefined; onRefused: (text: string | null) => void }) {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const late = () => !!props.dueDate && props.dueDate < companyToday();
  const prepare = async () => {
    setBusy(true);
    props.onRefused(null);
    try {
      const draft = await paymentsApi.penaltyInvoice(props.companyId, props.invoiceId);
      navigate(`/c/${props.companyId}/invoices/${draft.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'nothing_to_charge') props.onRefused(t('penalty.nothingToCharge'));
      else if (e instanceof ApiError && e.code === 'not_late') props.onRefused(t('penalty.notLate'));
      else props.onRefused(t('penalty.failed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Show when={late()}>
      <button type="button" class="btn" disabled={busy()} onClick={() => void prepare()} title={t('penalty.help')} data-testid="penalty-invoice">
        {t('penalty.button')}
      </button>
    </Show>
  );
}
