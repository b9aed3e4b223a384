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
}

/** The "⋯" menu of an issued document's row in the invoice list: open, print, record a payment. */
export function InvoiceRowMenu(props: InvoiceRowMenuProps) {
  let menu: HTMLDetailsElement | undefined;
  const base = () => `/c/${props.companyId}/invoices/${props.invoiceId}`;
  // The row opens the invoice on click: the menu keeps its clicks to itself, and closes when one is chosen.
  const close = () => menu?.removeAttribute('open');
  return (
    <details class="row-menu" ref={menu} onClick={(e) => e.stopPropagation()} data-testid="invoice-row-menu">
      <summary aria-label={t('invoices.rowMenu', { number: props.number })} title={t('invoices.rowMenu', { number: props.number })}>⋯</summary>
      <div class="menu" onClick={close}>
        <Show when={props.canRecord}>
          <A href={`/c/${props.companyId}/payments/new?invoice=${props.invoiceId}`} data-testid="menu-record-payment">{t('invoices.menuRecordPayment')}</A>
        </Show>
        <A href={base()}>{t('invoices.menuOpen')}</A>
        <A href={`${base()}/print`}>{t('invoices.menuPrint')}</A>
      </div>
    </details>
  );
}
