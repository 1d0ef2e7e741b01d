/**
 * The filter an analyst types on the command line, e.g.
 *   tier=A,B;value=60..100;eligible;exclude_negative;branch=郑州,洛阳;tenure=12..
 * Clauses are separated by ';', lists by ',', ranges are min..max with either end open and both
 * inclusive. Text starting with '{' is read as the JSON of a saved definition instead.
 */
import { targetFilterSchema, type TargetFilter, type TargetRange } from './target-filter.js';

export type FilterParse = { readonly ok: true; readonly filter: TargetFilter } | { readonly ok: false; readonly zh: string; readonly en: string };

const LIST_KEYS = { tier: 'tiers', branch: 'branches', channel: 'channels', plan: 'plans', segment: 'segments' } as const;
const RANGE_KEYS = { value: 'value', tenure: 'tenure' } as const;
const FLAG_KEYS = { eligible: 'eligibleOnly', exclude_negative: 'excludeNegative' } as const;

function fail(zh: string, en: string): FilterParse {
  return { ok: false, zh, en };
}

function parseRange(text: string): TargetRange | null {
  const dots = text.indexOf('..');
  if (dots < 0) return null;
  const end = (s: string): number | undefined | null => {
    if (s.trim() === '') return undefined;
    const x = Number(s);
    return Number.isFinite(x) ? x : null;
  };
  const min = end(text.slice(0, dots));
  const max = end(text.slice(dots + 2));
  if (min === null || max === null || (min === undefined && max === undefined)) return null;
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

function fromJson(text: string): FilterParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return fail(`筛选条件不是有效的 JSON：${reason}`, `The filter is not valid JSON: ${reason}`);
  }
  const parsed = targetFilterSchema.safeParse(data);
  if (parsed.success) return { ok: true, filter: parsed.data };
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(根 root)'}: ${i.message}`).join('; ');
  return fail(`筛选条件有误：${issues}`, `The filter is not valid: ${issues}`);
}

export function parseFilterText(text: string): FilterParse {
  const trimmed = text.trim().replace(/^\ufeff/, '');
  if (trimmed.startsWith('{')) return fromJson(trimmed);
  const raw: Record<string, unknown> = {};
  for (const clause of trimmed.split(';').map((s) => s.trim()).filter((s) => s !== '')) {
    const eq = clause.indexOf('=');
    const key = (eq < 0 ? clause : clause.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? undefined : clause.slice(eq + 1).trim();
    if (Object.hasOwn(FLAG_KEYS, key) && value === undefined) {
      raw[FLAG_KEYS[key as keyof typeof FLAG_KEYS]] = true;
    } else if (Object.hasOwn(LIST_KEYS, key) && value !== undefined) {
      raw[LIST_KEYS[key as keyof typeof LIST_KEYS]] = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
    } else if (Object.hasOwn(RANGE_KEYS, key) && value !== undefined) {
      const r = parseRange(value);
      if (r === null) return fail(`范围须写成 最小..最大（可省略一端）：${clause}`, `A range is min..max (either end may be left out): ${clause}`);
      raw[RANGE_KEYS[key as keyof typeof RANGE_KEYS]] = r;
    } else {
      return fail(
        `无法识别的筛选条件：${clause}（可用 tier=、value=、eligible、exclude_negative、branch=、channel=、plan=、segment=、tenure=）`,
        `Unknown filter clause: ${clause} (use tier=, value=, eligible, exclude_negative, branch=, channel=, plan=, segment=, tenure=)`,
      );
    }
  }
  const parsed = targetFilterSchema.safeParse(raw);
  // The clauses above only build well-formed values, so the schema fills in defaults here.
  if (!parsed.success) return fail('筛选条件有误', 'The filter is not valid');
  return { ok: true, filter: parsed.data };
}
