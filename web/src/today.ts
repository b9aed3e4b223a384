import { companyDay } from '@facturo/core';

/**
 * Today as the company's calendar day (Europe/Paris), the same day the server dates invoices with: a device set to
 * UTC or abroad would otherwise propose yesterday's date between 22:00 and midnight in Paris, which the server refuses
 * as backdated and the reports would leave out what was issued "today".
 */
export const companyToday = (): string => companyDay(new Date());
