import { createMemo, createSignal, For, Show } from 'solid-js';
import { Money, type PricingRule, type Product } from '@facturo/core';
import { displayPrice, displayAmount } from '../../stores/fieldInput';
import { lang, t } from '../../i18n';
import { ruleErrorText } from './errorText';
import { PriceChart } from './PriceChart';
import { SimulatorCustomer } from './SimulatorCustomer';
import { TextInput } from './TextInput';
import { chartQuantities, runSimulation, type SimulationInput } from './simulation';
import { companyToday } from '../../today';

export interface SimulatorProps {
  /** The rules to price with (the workspace's active ones, plus the rule being edited). */
  rules: PricingRule[];
  products: Product[];
  currency: string;
  /** The editor's rule could not be read: say it is left out. */
  draftInvalid?: boolean;
  withDraft?: boolean;
}


/** Prices one hypothetical line on the device with core's simulate, and explains every rule considered. */
export function Simulator(props: SimulatorProps) {
  const [input, setInput] = createSignal<SimulationInput>({
    productId: '', listPrice: '100', quantity: '1', date: companyToday(), commitment: '', segments: '', country: '', postcode: '', region: '', revenue: '', since: '',
  });
  const set = (patch: Partial<SimulationInput>) => setInput((i) => ({ ...i, ...patch }));
  const product = () => props.products.find((p) => p.id === input().productId);
  const pick = (id: string) => {
    const p = props.products.find((x) => x.id === id);
    set({ productId: id, ...(p ? { listPrice: lang() === 'fr' ? p.unitPrice.replace('.', ',') : p.unitPrice } : {}) });
  };
  // core's sentences name products by id ("produit pr_…"): the reader sees their names.
  const named = (sentence: string) => sentence.replace(/\bpr_[A-Za-z0-9]+/g, (id) => props.products.find((p) => p.id === id)?.name ?? id);
  const result = createMemo(() => runSimulation(input(), props.rules, product()));
  const price = (wire: string) => displayPrice(wire, props.currency, lang());
  const errors = () => {
    const r = result();
    return r.ok ? {} : { [simField(r.field)]: r.message };
  };
  const bars = createMemo(() =>
    chartQuantities(props.rules, input().quantity).flatMap((q) => {
      const r = runSimulation(input(), props.rules, product(), q);
      return r.ok ? [{ quantity: q.replace('.', lang() === 'fr' ? ',' : '.'), list: r.line.listUnitPrice, final: r.line.unitPrice, listLabel: price(r.line.listUnitPrice), finalLabel: price(r.line.unitPrice) }] : [];
    }),
  );

  return (
    <section class="card section simulator" data-testid="simulator">
      <h2 class="section-title">{t('sim.title')}</h2>
      <p class="muted small">{t(props.withDraft ? 'sim.leadDraft' : 'sim.lead')}</p>
      <Show when={props.draftInvalid}>
        <p class="notice info small" data-testid="sim-draft-invalid">{t('sim.draftInvalid')}</p>
      </Show>
      <div class="sim-layout">
        <div class="grid sim-inputs">
          <div class="field">
            <label for="sim-product">{t('sim.product')}</label>
            <select id="sim-product" data-testid="sim-product" value={input().productId} onChange={(e) => pick(e.currentTarget.value)}>
              <option value="">{t('sim.productNone')}</option>
              <For each={props.products}>{(p) => <option value={p.id} selected={p.id === input().productId}>{p.name}</option>}</For>
            </select>
          </div>
          <TextInput field="sim.listUnitPrice" label="sim.listPrice" inputmode="decimal" value={input().listPrice} onInput={(v) => set({ listPrice: v, productId: '' })} errors={errors()} />
          <TextInput field="sim.quantity" label="sim.quantity" inputmode="decimal" value={input().quantity} onInput={(v) => set({ quantity: v })} errors={errors()} />
          <TextInput field="sim.date" label="sim.date" type="date" value={input().date} onInput={(v) => set({ date: v })} errors={errors()} />
          <TextInput field="sim.commitmentMonths" label="sim.commitment" inputmode="numeric" value={input().commitment} onInput={(v) => set({ commitment: v })} errors={errors()} />
          <details class="sim-customer">
            <summary>{t('sim.customer')}</summary>
            <SimulatorCustomer onFill={(fields) => set(fields)} />
            <div class="grid">
              <TextInput field="sim.customer.segments" label="sim.segments" value={input().segments} onInput={(v) => set({ segments: v })} errors={errors()} />
              <TextInput field="sim.customer.country" label="sim.country" placeholder="FR" value={input().country} onInput={(v) => set({ country: v })} errors={errors()} />
              <TextInput field="sim.customer.postcode" label="sim.postcode" value={input().postcode} onInput={(v) => set({ postcode: v })} errors={errors()} />
              <TextInput field="sim.customer.region" label="sim.region" value={input().region} onInput={(v) => set({ region: v })} errors={errors()} />
              <TextInput field="sim.customer.revenueLast12Months" label="sim.revenue" inputmode="decimal" value={input().revenue} onInput={(v) => set({ revenue: v })} errors={errors()} />
              <TextInput field="sim.customer.since" label="sim.since" type="date" value={input().since} onInput={(v) => set({ since: v })} errors={errors()} />
            </div>
          </details>
        </div>
        <div class="sim-result" aria-live="polite">
          <Show when={result()} keyed>
            {(r) => (
              <Show when={r.ok ? r.line : null} fallback={<p class="muted" data-testid="sim-invalid">{t('sim.invalid', { message: ruleErrorText(r.ok ? '' : r.message) ?? '' })}</p>}>
                {(line) => (
                  <>
                    <p class="sim-price">
                      <span class="muted small">{t('sim.result')}</span>
                      <strong data-testid="sim-final">{price(line().unitPrice)}</strong>
                      <Show when={!new Money(line().unitPrice).eq(line().listUnitPrice)}>
                        <span class="muted small">{t('sim.listWas', { price: price(line().listUnitPrice) })}</span>
                      </Show>
                    </p>
                    <p class="small">{t('sim.net', { net: displayAmount(line().net, props.currency, lang()) })}</p>
                    <h3 class="subsection-title">{t('sim.applied')}</h3>
                    <Show when={line().applied.length > 0} fallback={<p class="muted small" data-testid="sim-none-applied">{t('sim.noneApplied')}</p>}>
                      <ul class="sim-list" data-testid="sim-applied">
                        <For each={line().applied}>
                          {(a) => (
                            <li data-testid="sim-applied-rule" data-rule={a.ruleId}>
                              <strong>{a.ruleName}</strong> — {named(a[lang()])} → {price(a.unitPriceAfter)}
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                    <Show when={line().skipped.length > 0}>
                      <h3 class="subsection-title">{t('sim.skipped')}</h3>
                      <ul class="sim-list skipped" data-testid="sim-skipped">
                        <For each={line().skipped}>
                          {(s) => (
                            <li data-testid="sim-skipped-rule" data-rule={s.ruleId}>
                              <strong>{s.ruleName}</strong> — {named(s[lang()])}
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </>
                )}
              </Show>
            )}
          </Show>
          <Show when={bars().length > 1}>
            <PriceChart bars={bars()} />
          </Show>
        </div>
      </div>
    </section>
  );
}

/** core's field in the context or line, as this form names its inputs. */
function simField(raw: string): string {
  const field = raw.replace(/^\[0\]\./, '');
  if (field === 'quantity' || field === 'listUnitPrice' || field === 'date' || field === 'commitmentMonths') return `sim.${field}`;
  return `sim.${field.replace(/\[\d+\]$/, '')}`;
}
