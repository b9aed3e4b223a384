/**
 * Today as the company's calendar day (Europe/Paris), as the app and the server date things: the browser here runs in
 * the machine's zone (UTC on CI), which between 22:00 and midnight in Paris is still yesterday.
 */
export function companyToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
