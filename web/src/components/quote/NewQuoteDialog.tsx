import { createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import { QuoteSettings } from '@facturo/core';
import type { CustomerRow } from '../../stores/db';
import type { PricingCustomer } from '../../stores/quoteCreate';
import { describeError } from '../../errors';
import { t } from '../../i18n';
import { useCompany } from '../companyContext';

export interface NewQuoteChoice {
  customerId?: string;
  templateId?: string;
  customer?: PricingCustomer;
}

/** "Nouveau devis": the customer and a template (or a blank quote); the quote is made on this device. */
export function NewQuoteDialog(props: { open: boolean; customers: ReadonlyMap<string, CustomerRow>; onCreate: (c: NewQuoteChoice) => void; onClose: () => void }) {
  const { replica } = useCompany();
  let dialog: HTMLDialogElement | undefined;
  const [customerId, setCustomerId] = createSignal('');
  const [templateId, setTemplateId] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const templates = createMemo(() => (replica.version(), new QuoteSettings(replica.workspace.doc).listTemplates()));
  const customers = createMemo(() => [...props.customers.values()].filter((r) => !r.archived).sort((a, b) => a.name.localeCompare(b.name)));
  const chosen = createMemo(() => templates().find((x) => x.id === templateId()));
  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) {
      setError(null);
      dialog.showModal();
    }
    if (!props.open && dialog.open) dialog.close();
  });
  const create = () => {
    const row = props.customers.get(customerId());
    try {
      props.onCreate({
        ...(customerId() ? { customerId: customerId() } : {}),
        ...(templateId() ? { templateId: templateId() } : {}),
        ...(row ? { customer: { name: row.name, ...(row.email ? { email: row.email } : {}), ...(row.city ? { city: row.city } : {}) } } : {}),
      });
    } catch (e) {
      setError(t('newQuote.failed', { error: describeError(e) }));
    }
  };
  return (
    <dialog ref={dialog} class="dialog new-quote" aria-labelledby="new-quote-title" data-testid="new-quote-dialog" onClose={() => props.onClose()}>
      <h2 id="new-quote-title">{t('newQuote.title')}</h2>
      <div class="form">
        <div class="field">
          <label for="new-quote-customer">{t('newQuote.customer')}</label>
          <select id="new-quote-customer" value={customerId()} onChange={(e) => setCustomerId(e.currentTarget.value)} data-testid="new-quote-customer">
            <option value="">{t('newQuote.chooseCustomer')}</option>
            <For each={customers()}>{(c) => <option value={c.id}>{c.city ? `${c.name} — ${c.city}` : c.name}</option>}</For>
          </select>
        </div>
        <fieldset class="field template-choice">
          <legend>{t('newQuote.template')}</legend>
          <label class="template-option">
            <input type="radio" name="new-quote-template" value="" checked={templateId() === ''} onChange={() => setTemplateId('')} data-testid="template-blank" />
            <span><strong>{t('newQuote.blank')}</strong><span class="muted small"> — {t('newQuote.blankHint')}</span></span>
          </label>
          <For each={templates()}>
            {(tp) => (
              <label class="template-option">
                <input type="radio" name="new-quote-template" value={tp.id} checked={templateId() === tp.id} onChange={() => setTemplateId(tp.id)} data-testid="template-option" data-template-id={tp.id} />
                <span>
                  <strong>{tp.name}</strong>
                  <span class="muted small"> — {t('newQuote.templateHint', { sections: tp.sections.length, lines: tp.sections.reduce((n, s) => n + s.lines.length, 0) })}</span>
                  <Show when={tp.description}><span class="muted small block">{tp.description}</span></Show>
                </span>
              </label>
            )}
          </For>
        </fieldset>
        <Show when={chosen() && !customerId()}>
          <p class="hint">{t('newQuote.noCustomerHint')}</p>
        </Show>
        <p class="hint">{t('newQuote.offlineOk')}</p>
        <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
      </div>
      <div class="actions end">
        <button type="button" class="btn" onClick={() => props.onClose()}>{t('common.cancel')}</button>
        <button type="button" class="btn primary" onClick={create} data-testid="create-quote">{t('newQuote.create')}</button>
      </div>
    </dialog>
  );
}
