import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { t } from '../../i18n';
import './payments.css';

export interface InvoiceRowMenuProps {
  companyId: string;
  invoiceId: string;
  number: string;
  /** "Enregistrer un paiement" is offered: an issued invoice still owing, and the role may record payments. */
  canRecord: boolean;
  /** Held by the list, not the row: a row redrawn by a background refresh keeps its menu open. */
  open: boolean;
  onToggle: (open: boolean) => void;
}

/** The "⋯" menu of an issued document's row in the invoice list: record a payment, open, print. */
export function InvoiceRowMenu(props: InvoiceRowMenuProps) {
  const base = () => `/c/${props.companyId}/invoices/${props.invoiceId}`;
  // The row opens the invoice on click: the menu keeps its clicks to itself, and closes when one is chosen.
  return (
    <details class="row-menu" open={props.open} onToggle={(e) => props.open !== e.currentTarget.open && props.onToggle(e.currentTarget.open)} onClick={(e) => e.stopPropagation()} data-testid="invoice-row-menu">
      <summary aria-label={t('invoices.rowMenu', { number: props.number })} title={t('invoices.rowMenu', { number: props.number })}>⋯</summary>
      <div class="menu" onClick={() => props.onToggle(false)}>
        <Show when={props.canRecord}>
          <A href={`/c/${props.companyId}/payments/new?invoice=${props.invoiceId}`} data-testid="menu-record-payment">{t('invoices.menuRecordPayment')}</A>
        </Show>
        <A href={base()}>{t('invoices.menuOpen')}</A>
        <A href={`${base()}/print`}>{t('invoices.menuPrint')}</A>
      </div>
    </details>
  );
}
