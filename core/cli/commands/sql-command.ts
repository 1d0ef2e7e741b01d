/**
 * `cvalue sql` (issue 7, the warehouse path): writes the whole model of SPEC §2–§10 as one SQL
 * script for Spark or DuckDB over the input tables of docs/scale.md, with the scenario's
 * constants as literals.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { buildModelSql } from '../../sql/build-model-sql.js';
import { DIALECT_NAMES, type DialectName } from '../../sql/dialect.js';
import { SqlTranslationError } from '../../sql/sql-text.js';
import { monthFlag, parseFlags, requireFlag } from '../args.js';
import { inputError, usageError } from '../cli-error.js';
import { scenarioFrom } from '../run-input.js';

function dialectFlag(value: string | undefined): DialectName {
  const name = requireFlag(value, '--dialect');
  if (!(DIALECT_NAMES as readonly string[]).includes(name)) {
    throw usageError(`--dialect 须为 ${DIALECT_NAMES.join(' 或 ')}：${name}`, `--dialect must be ${DIALECT_NAMES.join(' or ')}: ${name}`);
  }
  return name as DialectName;
}

export async function sqlCommand(args: string[], log: (line: string) => void): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      scenario: { type: 'string' },
      month: { type: 'string' },
      dialect: { type: 'string' },
      out: { type: 'string' },
      'input-prefix': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const dialect = dialectFlag(values.dialect);
  const prefix = values['input-prefix'] ?? '';
  if (!/^([A-Za-z_][A-Za-z0-9_]*\.){0,2}$/.test(prefix)) {
    throw usageError(`--input-prefix 须为 库名. 或 目录.库名. 形式：${prefix}`, `--input-prefix must look like schema. or catalog.schema.: ${prefix}`);
  }
  const scenario = await scenarioFrom(values.scenario, monthFlag(values.month, '--month'));
  let script: string;
  try {
    script = buildModelSql(scenario, dialect, { inputPrefix: prefix }).script;
  } catch (e) {
    if (e instanceof SqlTranslationError) throw inputError(`无法生成 SQL：${e.zh}`, `Cannot write the SQL: ${e.en}`);
    throw e;
  }
  if (values.out === undefined) {
    log(script.trimEnd());
    return;
  }
  const out = requireFlag(values.out, '--out');
  const temp = `${out}.partial`;
  try {
    await writeFile(temp, script, 'utf8');
    await rename(temp, out);
  } catch (e) {
    await rm(temp, { force: true });
    const reason = e instanceof Error ? e.message : String(e);
    throw inputError(`无法写入 ${out}：${reason}`, `Cannot write ${out}: ${reason}`);
  }
  log(`已写入 / written: ${out} (${dialect})`);
}
