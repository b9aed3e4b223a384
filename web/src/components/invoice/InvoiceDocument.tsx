import { For, Show } from 'solid-js';
import type { FrozenDocument, VatBreakdown } from '@facturo/core';
import { displayAmount, displayPrice, displayValue } from '../../stores/fieldInput';
import { formatDay, translate, type Lang, type MessageKey, type Vars } from '../../i18n';
import { VatBreakdownTable } from './VatBreakdownTable';
import './invoice.css';

/**
 * An issued invoice or credit note as printed (A4), from its frozen record only: every mention French law
 * requires (CGI art. 242 nonies A, Code de commerce L441-9), in the customer's language. `logo` is the data URL
 * of the seller's logo as issued (see frozenLogo), looked up by the caller in the workspace.
 */
export function InvoiceDocument(props: { doc: FrozenDocument; logo?: string | undefined; numberTestid?: string }) {
  const docLang = (): Lang => (props.doc.buyer.language === 'en' ? 'en' : 'fr');
  const tr = (key: MessageKey, vars?: Vars) => translate(docLang(), key, vars);
  const money = (v: string) => displayAmount(v, props.doc.currency, docLang());
  const day = (d: string | undefined) => formatDay(d, docLang());
  const rate = (r: string | undefined) => (r === undefined ? '—' : `${displayValue('decimal', r, docLang())} %`);
  const seller = () => props.doc.seller;
  const buyer = () => props.doc.buyer;
  const credit = () => props.doc.kind === 'credit_note';
  const lineAmount = (i: number) => props.doc.totals.lines[i];
  const vatOf = (category: string, r: string | undefined) => (category === 'S' ? rate(r) : tr(`vatCategory.${category}` as MessageKey));
  // Columns nobody uses stay off the page (narrow screens, simple invoices).
  const hasUnit = () => props.doc.lines.some((l) => l.unit);
  const hasDiscount = () => props.doc.lines.some((l) => l.discountPercent && l.discountPercent !== '0');
  const unit = (u: string | undefined) => (u === 'unit' ? tr('unit.default') : (u ?? ''));
  const cityLine = (p: { postcode?: string; city?: string; country?: string }) => [[p.postcode, p.city].filter(Boolean).join(' '), p.country && p.country !== 'FR' ? p.country : ''].filter(Boolean).join(', ');
  const legalLine = () => {
    const s = seller();
    return [
      s.legalName,
      s.legalForm && s.shareCapital ? tr('doc.formCapital', { form: s.legalForm, capital: money(s.shareCapital) }) : s.legalForm,
      s.rcsCity && s.siren ? tr('doc.rcs', { city: s.rcsCity, siren: s.siren }) : s.siren ? `SIREN ${s.siren}` : '',
      s.siret ? `SIRET ${s.siret}` : '',
      s.vatNumber ? tr('doc.vatNumber', { vat: s.vatNumber }) : '',
    ].filter(Boolean).join(' — ');
  };
  const breakdownLabel = (b: VatBreakdown) => (b.vatCategory === 'S' ? rate(b.vatRate) : `${tr(`vatCategory.${b.vatCategory}` as MessageKey)}${b.exemptionReason ? ` — ${b.exemptionReason}` : ''}`);

  return (
    <article class="invoice-doc" data-testid="invoice-document" lang={docLang()}>
      <header class="doc-header">
        <div class="doc-seller">
          <Show when={props.logo}>{(src) => <img class="doc-logo" src={src()} alt="" data-testid="doc-logo" />}</Show>
          <p class="doc-seller-name">{seller().tradeName || seller().legalName}</p>
          <Show when={seller().tradeName && seller().legalName !== seller().tradeName}>
            <p>{seller().legalName}</p>
          </Show>
          <p>{seller().line1}</p>
          <Show when={seller().line2}>
            <p>{seller().line2}</p>
          </Show>
          <p>{cityLine(seller())}</p>
          <p class="doc-contact">{[seller().email, seller().phone].filter(Boolean).join(' · ')}</p>
        </div>
        <div class="doc-title">
          <h1>{tr(credit() ? 'doc.creditNote' : 'doc.invoice')}</h1>
          <p class="doc-number">
            {tr('doc.number')} <strong data-testid={props.numberTestid ?? 'invoice-number'}>{props.doc.number}</strong>
          </p>
          <dl class="doc-dates">
            <dt>{tr('doc.issueDate')}</dt>
            <dd>{day(props.doc.issueDate)}</dd>
            <Show when={props.doc.meta.deliveryDate}>
              <dt>{tr('doc.deliveryDate')}</dt>
              <dd>{day(props.doc.meta.deliveryDate)}</dd>
            </Show>
            <dt>{tr('doc.dueDate')}</dt>
            <dd>{day(props.doc.dueDate)}</dd>
          </dl>
        </div>
      </header>

      <section class="doc-parties">
        <div class="doc-buyer">
          <h2>{tr('doc.billedTo')}</h2>
          <p class="doc-buyer-name">{buyer().name}</p>
          <p>{buyer().line1}</p>
          <Show when={buyer().line2}>
            <p>{buyer().line2}</p>
          </Show>
          <p>{cityLine(buyer())}</p>
          <Show when={buyer().siren}>
            <p>SIREN {buyer().siren}</p>
          </Show>
          <Show when={buyer().vatNumber}>
            <p>{tr('doc.vatNumber', { vat: buyer().vatNumber ?? '' })}</p>
          </Show>
        </div>
        <div class="doc-refs">
          <Show when={credit() && props.doc.meta.precedingNumber}>
            <p class="doc-preceding" data-testid="doc-preceding">
              {tr('doc.preceding', { number: props.doc.meta.precedingNumber ?? '', date: day(props.doc.meta.precedingIssueDate) })}
            </p>
          </Show>
          <Show when={props.doc.meta.purchaseOrderRef}>
            <p>{tr('doc.purchaseOrder', { ref: props.doc.meta.purchaseOrderRef ?? '' })}</p>
          </Show>
        </div>
      </section>

      <table class="doc-lines">
        <thead>
          <tr>
            <th scope="col">{tr('doc.description')}</th>
            <th scope="col" class="num">{tr('doc.quantity')}</th>
            <Show when={hasUnit()}>
              <th scope="col">{tr('doc.unit')}</th>
            </Show>
            <th scope="col" class="num">{tr('doc.unitPrice')}</th>
            <Show when={hasDiscount()}>
              <th scope="col" class="num">{tr('doc.discount')}</th>
            </Show>
            <th scope="col" class="num">{tr('doc.vat')}</th>
            <th scope="col" class="num">{tr('doc.lineTotal')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.doc.lines}>
            {(l, i) => (
              <tr>
                <td class="doc-desc">{l.description}</td>
                <td class="num">{displayValue('decimal', l.quantity, docLang())}</td>
                <Show when={hasUnit()}>
                  <td>{unit(l.unit)}</td>
                </Show>
                <td class="num">{displayPrice(l.unitPrice, props.doc.currency, docLang())}</td>
                <Show when={hasDiscount()}>
                  <td class="num">{l.discountPercent && l.discountPercent !== '0' ? `${displayValue('decimal', l.discountPercent, docLang())} %` : ''}</td>
                </Show>
                <td class="num">{vatOf(l.vatCategory, l.vatRate)}</td>
                <td class="num">{money(lineAmount(i())?.netAmount ?? '0.00')}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>

      <div class="doc-sums">
        <VatBreakdownTable
          class="doc-vat"
          rows={props.doc.totals.vatBreakdown}
          headings={[tr('doc.vatRate'), tr('doc.base'), tr('doc.vatAmount')]}
          label={breakdownLabel}
          money={money}
        />
        <dl class="doc-totals">
          <dt>{tr('doc.totalExcl')}</dt>
          <dd>{money(props.doc.totals.totalWithoutVat)}</dd>
          <dt>{tr('doc.totalVat')}</dt>
          <dd>{money(props.doc.totals.vatTotal)}</dd>
          <dt class="grand">{tr('doc.totalIncl')}</dt>
          <dd class="grand" data-testid="doc-total">{money(props.doc.totals.totalWithVat)}</dd>
          <Show when={props.doc.totals.amountDue !== props.doc.totals.totalWithVat}>
            <dt>{tr('doc.amountDue')}</dt>
            <dd>{money(props.doc.totals.amountDue)}</dd>
          </Show>
        </dl>
      </div>

      <section class="doc-payment">
        <h2>{tr('doc.payment')}</h2>
        <p>{tr(credit() ? 'doc.creditDue' : 'doc.dueOn', { date: day(props.doc.dueDate) })}</p>
        <Show when={seller().iban}>
          <p>
            {tr('doc.transfer')} IBAN <span class="mono">{seller().iban}</span>
            <Show when={seller().bic}>
              {' '}— BIC <span class="mono">{seller().bic}</span>
            </Show>
          </p>
        </Show>
      </section>

      <section class="doc-mentions" data-testid="doc-mentions">
        <ul>
          <For each={props.doc.mentions}>{(m) => <li>{m}</li>}</For>
        </ul>
        <Show when={props.doc.meta.notes}>
          <p class="doc-notes">{props.doc.meta.notes}</p>
        </Show>
      </section>

      <footer class="doc-legal">{legalLine()}</footer>
    </article>
  );
}
