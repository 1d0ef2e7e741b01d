/** Counts and times as the data screens show them; the separators are the same in both languages. */
import type { Lang } from '../../../core/model/messages';

const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return counts.format(n);
}

/** A share in 0–1 as a percentage with up to 2 decimals. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** An ISO time as local date and time to the minute. */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** The first 12 hex digits: enough to tell files apart on screen; the full hash is in the tooltip. */
export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}

/** The file name of a path from either Windows or POSIX. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
