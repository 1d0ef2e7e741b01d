/** `cvalue sample`: a deterministic sample province as CSV exports or as workbooks. */
import { writeSampleCsv } from '../../sample/write-sample-csv.js';
import { writeSampleXlsx } from '../../sample/write-sample-xlsx.js';
import { monthFlag, parseFlags, positiveIntFlag, requireFlag } from '../args.js';
import { usageError } from '../cli-error.js';

const WRITERS = { csv: writeSampleCsv, xlsx: writeSampleXlsx } as const;
type SampleFormat = keyof typeof WRITERS;

function formatFlag(value: string | undefined): SampleFormat {
  if (value === undefined) return 'csv';
  if (value === 'csv' || value === 'xlsx') return value;
  throw usageError(`--format 须为 csv 或 xlsx：${value}`, `--format must be csv or xlsx: ${value}`);
}

export async function sampleCommand(args: string[], log: (line: string) => void): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      customers: { type: 'string' },
      months: { type: 'string' },
      'out-dir': { type: 'string' },
      'end-month': { type: 'string' },
      seed: { type: 'string' },
      format: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const outDir = requireFlag(values['out-dir'], '--out-dir');
  const customers = positiveIntFlag(values.customers, '--customers', 10_000);
  const months = positiveIntFlag(values.months, '--months', 3);
  const endMonth = monthFlag(values['end-month'], '--end-month');
  const seed = values.seed === undefined ? undefined : positiveIntFlag(values.seed, '--seed');
  const write = WRITERS[formatFlag(values.format)];
  const summary = await write(outDir, { customers, months, ...(endMonth === undefined ? {} : { endMonth }), ...(seed === undefined ? {} : { seed }) });
  log(`已生成样例数据 / sample written: ${summary.customers} 个用户 customers × ${summary.months.length} 个月 months (${summary.months.join(', ')})`);
  for (const file of summary.files) log(`  ${file}`);
}
