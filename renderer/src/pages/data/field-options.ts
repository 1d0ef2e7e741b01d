/** The fields a column can be read as (SPEC §1: facts, cost pools, campaigns), each once. */
import { CAMPAIGN_FIELDS, FACT_FIELDS, POOL_FIELDS } from '../../../../core/model/fields';
import type { Lang } from '../../../../core/model/messages';

export interface FieldOption {
  readonly name: string;
  readonly zh: string;
}

export const FIELD_OPTIONS: readonly FieldOption[] = [...FACT_FIELDS, ...POOL_FIELDS, ...CAMPAIGN_FIELDS]
  .filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i)
  .map((f) => ({ name: f.name, zh: f.aliases[0] ?? f.name }));

/**
 * Chinese analysts know the fields by their header alias (unique among the options), so the
 * Chinese screen shows the alias alone and keeps the field name for the tooltip: alias and name
 * together made the per-column selects wider than a column.
 */
export function fieldLabel(name: string, lang: Lang): string {
  const option = FIELD_OPTIONS.find((f) => f.name === name);
  if (option === undefined || lang === 'en') return name;
  return option.zh;
}
