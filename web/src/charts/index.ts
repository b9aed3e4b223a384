// Chart geometry for the receivables screen (issue 8): pure functions from amounts (decimal strings) to pixels.
export { compactMoney, niceCeiling, ticksFor, toPixels } from './scale';
export { largest, stackedBars, topCustomers, type AgingChartRow, type Bar, type BarLayout, type Segment } from './aging';
export { daysLabel, dsoBars, monthLabel, type DsoBar } from './dso';
