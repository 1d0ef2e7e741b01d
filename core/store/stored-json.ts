/**
 * JSON kept in text columns, validated when read back: the file may have been written by another
 * build or edited by hand, and a bad value must stop with a message, not reach the engine.
 */
import { z } from 'zod';
import type { InputWarning } from '../model/dataset.js';
import { CATEGORY_FIELDS, type CategoryField } from '../model/fields.js';
import type { Bilingual } from '../model/messages.js';
import { StoreError, storeIssues } from './store-errors.js';

export const inputWarningsSchema: z.ZodType<InputWarning[]> = z.array(z.strictObject({ code: z.string(), zh: z.string(), en: z.string() }));

export const dictionariesSchema: z.ZodType<Record<CategoryField, string[]>> = z.strictObject(
  Object.fromEntries(CATEGORY_FIELDS.map((field) => [field, z.array(z.string())])) as Record<CategoryField, z.ZodArray<z.ZodString>>,
);

/**
 * How a dataset's columns were read, as the reader reported it: the header row found, header
 * text → field, and whether a saved template (not the aliases) did the mapping.
 */
export const datasetMappingSchema = z.strictObject({
  header: z.strictObject({ row: z.number().int(), cells: z.array(z.string()) }).nullable(),
  fields: z.record(z.string(), z.string()),
  mappedByTemplate: z.boolean(),
});
export type DatasetMapping = z.output<typeof datasetMappingSchema>;

/** A run's summary: any JSON object (its shape belongs to the run files, SPEC §13). */
export const runSummarySchema = z.record(z.string(), z.json());
export type RunSummary = z.output<typeof runSummarySchema>;

/** Parses and validates a JSON column; `what` names it in the error. */
export function parseStoredJson<T>(text: string, schema: z.ZodType<T>, what: Bilingual): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new StoreError(storeIssues.corrupt(what));
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new StoreError(storeIssues.corrupt(what));
  return parsed.data;
}
