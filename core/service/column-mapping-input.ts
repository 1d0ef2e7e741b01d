/**
 * Column mappings as the mapping screen sends them (the header row and header text → field)
 * turned into the model's ColumnMapping keyed by header signature, with the saved templates
 * the reader applies along with them.
 */
import { columnMapping, columnMappingSchema, type ColumnMapping } from '../model/column-mapping.js';
import { CAMPAIGN_FIELDS, FACT_FIELDS, POOL_FIELDS } from '../model/fields.js';
import { listColumnMappings } from '../store/column-mappings.js';
import type { Store } from '../store/open-store.js';
import { ServiceFailure, serviceIssues } from './service-errors.js';

export interface MappingInput {
  readonly headers: readonly string[];
  readonly fields: Readonly<Record<string, string | null>>;
}

const KNOWN_FIELDS: ReadonlySet<string> = new Set([...FACT_FIELDS, ...POOL_FIELDS, ...CAMPAIGN_FIELDS].map((f) => f.name));

/** The model's mapping; a field name the model does not know, or a header row without text, is refused. */
export function toColumnMapping(input: MappingInput): ColumnMapping {
  const unknown = Object.values(input.fields).find((f): f is string => f !== null && !KNOWN_FIELDS.has(f));
  if (unknown !== undefined) throw new ServiceFailure(serviceIssues.mappingUnknownField(unknown));
  const mapping = columnMapping(input.headers, input.fields);
  if (!columnMappingSchema.safeParse(mapping).success) throw new ServiceFailure(serviceIssues.mappingEmptyHeader);
  return mapping;
}

/** Saved templates first, then the caller's mappings, which override a template with the same signature. */
export function readingMappings(store: Store, given: readonly MappingInput[]): ColumnMapping[] {
  return [...listColumnMappings(store), ...given.map(toColumnMapping)];
}
