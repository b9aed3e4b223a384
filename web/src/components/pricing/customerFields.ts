import type { Customer } from '@facturo/core';
import { pricingContextOf } from '../../stores/quoteCreate';
import type { SimulationInput } from './simulation';

// "Fill from a customer" in the simulator: the customer facts a quote for that customer is priced with
// (stores/quoteCreate pricingContextOf), as the simulator's typed fields, so both read a customer alike.

export type SimulationCustomerFields = Pick<SimulationInput, 'segments' | 'since' | 'country' | 'postcode'>;

export type SimulatedCustomer = Pick<Customer, 'name'> & Partial<Pick<Customer, 'segments' | 'customerSince' | 'country' | 'postcode'>>;

/** A customer's segments, seniority, country and postcode as the simulator's fields; empty where unknown. */
export function simulationFieldsOf(customer: SimulatedCustomer): SimulationCustomerFields {
  // The date and currency are the context's, not the customer's: any value leaves `customer` unchanged.
  const c = pricingContextOf('2000-01-01', {}, customer).customer;
  return {
    segments: (c?.segments ?? []).join(', '),
    since: c?.since ?? '',
    country: c?.country ?? '',
    postcode: c?.postcode ?? '',
  };
}

export function sameFields(a: SimulationCustomerFields, b: SimulationCustomerFields): boolean {
  return a.segments === b.segments && a.since === b.since && a.country === b.country && a.postcode === b.postcode;
}
