/**
 * Finds the header row of a table and maps its columns to field names. Exports often carry a
 * title or a date range above the header, so the header is the first row among the first
 * HEADER_SEARCH_ROWS in which at least two cells name a known field (the caller feeds rows
 * one by one, as they stream in, to matchHeaderRow).
 */
import { headerSignature, type ColumnMapping } from '../../model/column-mapping.js';
import { CAMPAIGN_FIELDS, FACT_FIELDS, POOL_FIELDS, normalizeHeader } from '../../model/fields.js';
import type { RawCell } from '../raw-table.js';

export const HEADER_SEARCH_ROWS = 20;
const MIN_MATCHED_CELLS = 2;

export interface HeaderColumn {
  /** 0-based column index. */
  readonly index: number;
  /** The header cell exactly as in the file. */
  readonly header: string;
}

export interface MappedColumn extends HeaderColumn {
  readonly field: string;
}

export interface DuplicateColumn {
  readonly field: string;
  readonly first: MappedColumn;
  readonly second: HeaderColumn;
}

export interface HeaderMatch {
  /** One column per field; a field's later duplicates are listed in `duplicates` only. */
  readonly columns: readonly MappedColumn[];
  readonly duplicates: readonly DuplicateColumn[];
  readonly unknown: readonly HeaderColumn[];
  /** Number of cells in the header row, blank trailing cells included. */
  readonly width: number;
  /** The saved mapping that was applied, if the row's signature had one. */
  readonly mapping: ColumnMapping | null;
}

/** Normalised name or alias → field name, over every sheet kind (a field has one name everywhere). */
const FIELD_BY_HEADER: ReadonlyMap<string, string> = new Map(
  [...FACT_FIELDS, ...POOL_FIELDS, ...CAMPAIGN_FIELDS].flatMap((def) =>
    [def.name, ...def.aliases].map((name) => [normalizeHeader(name), def.name] as const),
  ),
);

/** Field names and aliases exactly as written: a header that is not one of them matched only after normalising. */
const EXACT_NAMES: ReadonlySet<string> = new Set([...FACT_FIELDS, ...POOL_FIELDS, ...CAMPAIGN_FIELDS].flatMap((def) => [def.name, ...def.aliases]));

export function isExactFieldName(header: string): boolean {
  return EXACT_NAMES.has(header);
}

function headerText(cell: RawCell): string | null {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  return null;
}

/** The field a header names: the user's mapping first (null = ignore the column), then the aliases. */
function fieldForHeader(text: string, mapping: ColumnMapping | null): string | null | undefined {
  const key = normalizeHeader(text);
  if (mapping !== null && Object.hasOwn(mapping.columns, key)) return mapping.columns[key];
  return FIELD_BY_HEADER.get(key);
}

/**
 * The row's column mapping if it is a header row, else null. A row whose signature has a saved
 * mapping is a header row whatever its cells say; otherwise it needs two recognised fields.
 */
export function matchHeaderRow(row: readonly RawCell[], mappings: ReadonlyMap<string, ColumnMapping> = new Map()): HeaderMatch | null {
  const texts = row.map((cell) => headerText(cell) ?? '');
  const mapping = mappings.get(headerSignature(texts)) ?? null;
  const columns: MappedColumn[] = [];
  const duplicates: DuplicateColumn[] = [];
  const unknown: HeaderColumn[] = [];
  const byField = new Map<string, MappedColumn>();
  let matched = 0;
  row.forEach((cell, index) => {
    const header = headerText(cell);
    if (header === null || header.trim() === '') return;
    const field = fieldForHeader(header, mapping);
    if (field === null) return; // ignored on purpose by the user's mapping
    if (field === undefined) {
      unknown.push({ index, header });
      return;
    }
    matched++;
    const first = byField.get(field);
    if (first !== undefined) {
      duplicates.push({ field, first, second: { index, header } });
      return;
    }
    const column = { index, header, field };
    byField.set(field, column);
    columns.push(column);
  });
  return mapping !== null || matched >= MIN_MATCHED_CELLS ? { columns, duplicates, unknown, width: row.length, mapping } : null;
}
