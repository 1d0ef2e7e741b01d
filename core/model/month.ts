/** Month keys are 'YYYY-MM'; arithmetic uses month numbers (year·12 + month − 1). */

const MONTH_KEY = /^(\d{4})-(\d{2})$/;

export function isMonthKey(text: string): boolean {
  const m = MONTH_KEY.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function monthNumber(key: string): number {
  const m = MONTH_KEY.exec(key);
  if (m === null) throw new RangeError(`not a month key: ${key}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthKey(num: number): string {
  const year = Math.floor(num / 12);
  const month = num - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The window months M−W+1 … M as month numbers, oldest first. */
export function windowMonths(evaluationMonth: number, window: number): number[] {
  const out: number[] = [];
  for (let k = evaluationMonth - window + 1; k <= evaluationMonth; k++) out.push(k);
  return out;
}
