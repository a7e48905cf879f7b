/**
 * Masks personal data for callers other than its owner: keeps the first 3 and
 * the last 4 characters (enough to match a record a caller already holds, not
 * enough to learn the number). Short values are masked whole.
 */
export function maskPersonal(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}
