/** Counts and times as the data screens show them; the separators are the same in both languages. */
const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return counts.format(n);
}

/** A share in 0–1 as a percentage with up to 2 decimals. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** An ISO time as local YYYY-MM-DD HH:mm, unambiguous in both languages (08/10 is not). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The first 12 hex digits: enough to tell files apart on screen; the full hash is in the tooltip. */
export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}

/** The file name of a path from either Windows or POSIX. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** A file's size: KB below a megabyte (at least 1), MB with one decimal above. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
