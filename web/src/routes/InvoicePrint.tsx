import { A, useParams } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { createFrozen, frozenLogo } from '../components/invoice/frozen';
import { InvoiceDocument } from '../components/invoice/InvoiceDocument';

/** /c/:companyId/invoices/:invoiceId/print — the issued document alone, laid out for A4 paper. */
export default function InvoicePrint() {
  const params = useParams<{ invoiceId: string }>();
  const { company, replica } = useCompany();
  const back = `/c/${company.id}/invoices/${params.invoiceId}`;
  return (
    <Show when={params.invoiceId} keyed>
      {(id) => {
        const frozen = createFrozen(company.id, id);
        return (
          <div class="print-page">
            <div class="print-toolbar no-print">
              <A href={back} class="back">← {t('print.back')}</A>
              <Show when={frozen.doc()}>
                <button type="button" class="btn primary" onClick={() => window.print()} data-testid="print-button">
                  {t('print.print')}
                </button>
              </Show>
            </div>
            <Switch>
              <Match when={frozen.doc()}>{(doc) => <InvoiceDocument doc={doc()} logo={frozenLogo(replica, doc())} />}</Match>
              <Match when={frozen.state() === 'loading'}>
                <p class="muted">{t('common.loading')}</p>
              </Match>
              <Match when={frozen.state() === 'notIssued'}>
                <Notice kind="warning" testid="print-not-issued">{t('print.notIssued')}</Notice>
              </Match>
              <Match when={true}>
                <Notice kind="warning" testid="print-unavailable">{t('print.unavailable')}</Notice>
              </Match>
            </Switch>
          </div>
        );
      }}
    </Show>
  );
}
