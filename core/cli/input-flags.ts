/**
 * Flags every command that reads input files shares: --mapping (a hand-made column mapping,
 * saved as a template by `import`) and --sum-duplicates (SPEC §1 "sum rows with the same key").
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { columnMapping, type ColumnMapping } from '../model/column-mapping.js';
import { CAMPAIGN_FIELDS, FACT_FIELDS, POOL_FIELDS } from '../model/fields.js';
import type { ReadInputsOptions } from '../io/read-inputs.js';
import { inputError } from './cli-error.js';

export const INPUT_FLAGS = {
  mapping: { type: 'string', multiple: true },
  'sum-duplicates': { type: 'boolean' },
} as const;

const FIELD_NAMES = new Set([...FACT_FIELDS, ...POOL_FIELDS, ...CAMPAIGN_FIELDS].map((f) => f.name));

/** The file a user writes: the sheet's header row as it is, and the field each header means (null = ignore). */
const mappingFileSchema = z.strictObject({
  headers: z.array(z.string()).min(1),
  fields: z.record(z.string(), z.string().nullable()),
});

async function loadMapping(path: string): Promise<ColumnMapping> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw inputError(`无法读取列映射文件 ${path}：${reason}`, `Cannot read column mapping file ${path}: ${reason}`);
  }
  const parsed = mappingFileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(根 root)'}: ${i.message}`).join('; ');
    throw inputError(`列映射文件 ${path} 格式有误：${issues}`, `Column mapping file ${path} is not valid: ${issues}`);
  }
  const unknown = Object.values(parsed.data.fields).filter((f): f is string => f !== null && !FIELD_NAMES.has(f));
  if (unknown.length > 0) {
    throw inputError(`列映射文件 ${path} 中有未知字段：${unknown.join(', ')}`, `Column mapping file ${path} names unknown fields: ${unknown.join(', ')}`);
  }
  return columnMapping(parsed.data.headers, parsed.data.fields);
}

export async function inputOptions(values: { mapping?: string[] | undefined; 'sum-duplicates'?: boolean | undefined }): Promise<ReadInputsOptions> {
  const mappings = await Promise.all((values.mapping ?? []).map(loadMapping));
  return { mappings, sumDuplicateKeys: values['sum-duplicates'] === true };
}
