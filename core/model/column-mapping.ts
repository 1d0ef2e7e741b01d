/**
 * A user's column mapping for a sheet layout: which field each header means (or that a
 * column is to be ignored). It is saved as a template keyed by the header signature, so next
 * month's workbook with the same headers is mapped the same way without asking again.
 */
import { z } from 'zod';
import { CAMPAIGN_FIELDS, FACT_FIELDS, POOL_FIELDS, normalizeHeader } from './fields.js';

const KNOWN_FIELDS = new Set([...FACT_FIELDS, ...POOL_FIELDS, ...CAMPAIGN_FIELDS].map((f) => f.name));

export const columnMappingSchema = z.strictObject({
  /** headerSignature() of the header row this mapping was made for. */
  signature: z.string().min(1).max(20_000),
  /** Normalised header text → field name, or null to ignore the column. */
  columns: z.record(
    z.string().min(1).max(500),
    z
      .string()
      .refine((f) => KNOWN_FIELDS.has(f), { message: 'unknown field' })
      .nullable(),
  ),
});

export type ColumnMapping = z.output<typeof columnMappingSchema>;

/**
 * The identity of a header row: its non-blank cells, normalised as header matching does,
 * in order. Two workbooks with the same signature have the same layout.
 */
export function headerSignature(headers: readonly string[]): string {
  return headers
    .map((h) => normalizeHeader(h))
    .filter((h) => h !== '')
    .join('|');
}

/** Builds a mapping from header texts as shown to the user. */
export function columnMapping(headers: readonly string[], fields: Readonly<Record<string, string | null>>): ColumnMapping {
  const columns: Record<string, string | null> = {};
  for (const [header, field] of Object.entries(fields)) columns[normalizeHeader(header)] = field;
  return { signature: headerSignature(headers), columns };
}
