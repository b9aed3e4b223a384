import { For, type JSX } from 'solid-js';
import type { VatBreakdown } from '@facturo/core';

/**
 * The VAT breakdown (one row per rate or exemption: base, VAT), as the draft's live totals and the
 * printable invoice both show it; each gives its own headings (UI or document language) and labels.
 */
export function VatBreakdownTable(props: {
  rows: VatBreakdown[];
  class: string;
  headings: [rate: string, base: string, vat: string];
  label: (b: VatBreakdown) => JSX.Element;
  money: (amount: string) => string;
  rowTestId?: string;
}) {
  return (
    <table class={props.class}>
      <thead>
        <tr>
          <th scope="col">{props.headings[0]}</th>
          <th scope="col" class="num">{props.headings[1]}</th>
          <th scope="col" class="num">{props.headings[2]}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(b) => (
            <tr data-testid={props.rowTestId}>
              <td>{props.label(b)}</td>
              <td class="num">{props.money(b.taxableAmount)}</td>
              <td class="num">{props.money(b.taxAmount)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
