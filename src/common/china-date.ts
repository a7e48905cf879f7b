const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
let today = { minute: Number.NaN, date: '' };

/**
 * The date in China (YYYY-MM-DD) at `now`, formatted once per minute: Intl's
 * format took tens of microseconds per call, and a profile asks once per list
 * that defaults to today. A day begins on a minute boundary, so every instant of
 * a minute has the date of the minute's first instant.
 */
export function chinaToday(now = Date.now()): string {
  const minute = Math.floor(now / 60_000);
  if (minute !== today.minute) today = { minute, date: chinaDate.format(new Date(minute * 60_000)) };
  return today.date;
}
