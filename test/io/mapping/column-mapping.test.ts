/** A saved column mapping (template) maps headers the aliases do not know, and is keyed by the header signature. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnMapping, columnMappingSchema, headerSignature } from '../../../core/model/column-mapping.js';
import { readInputFiles } from '../../../core/io/read-inputs.js';
import { tempDir } from '../../support/paths.js';
import { decodeNumbers } from '../../../core/model/number-column.js';

const HEADERS = ['Cust No', 'Billing Period', 'Amount Billed', 'Remarks'];

function writeUsage(dir: string, name: string, headers: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${headers.join(',')}\n001,2026-09,12.50,vip\n002,2026-09,30,\n`);
  return path;
}

describe('column mapping templates', () => {
  const dir = tempDir('mapping');
  const mapping = columnMapping(HEADERS, { 'Cust No': 'customer_id', 'Billing Period': 'month', 'Amount Billed': 'billed_revenue', Remarks: null });

  it('the signature ignores case, spaces and full-width forms like header matching does', () => {
    expect(headerSignature(['Cust No', 'ＢＩＬＬＩＮＧ period', '', 'Amount_Billed'])).toBe(headerSignature(['custno', 'Billing Period', 'amount billed']));
    expect(headerSignature(['a', 'b'])).not.toBe(headerSignature(['b', 'a']));
  });

  it('without a mapping the headers are not recognised', async () => {
    const r = await readInputFiles([writeUsage(dir, 'plain.csv', HEADERS)]);
    expect(r.ok).toBe(false);
    expect(r.report.problems.some((p) => p.code.includes('header'))).toBe(true);
  });

  it('with the mapping the sheet imports, the ignored column raises no warning, and the report says a template was used', async () => {
    const r = await readInputFiles([writeUsage(dir, 'mapped.csv', HEADERS)], { mappings: [mapping] });
    expect(r.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.facts.customerIds.length).toBe(2);
    expect(Array.from(decodeNumbers(r.input.facts.numbers.billed_revenue))).toEqual([12.5, 30]);
    expect(r.report.problems.filter((p) => p.severity === 'warning')).toEqual([]);
    const file = r.report.files[0];
    expect(file?.mappedByTemplate).toBe(true);
    expect(file?.fields).toEqual({ 'Cust No': 'customer_id', 'Billing Period': 'month', 'Amount Billed': 'billed_revenue' });
    expect(file?.header?.row).toBe(1);
  });

  it("is re-applied to next month's file with the same headers written differently", async () => {
    const r = await readInputFiles([writeUsage(dir, 'next.csv', ['CUST NO', 'Billing  Period', 'Amount_Billed', 'remarks'])], { mappings: [mapping] });
    expect(r.ok).toBe(true);
  });

  it('a mapping naming an unknown field is refused by its schema', () => {
    expect(columnMappingSchema.safeParse({ signature: 'a|b', columns: { a: 'customer_id', b: 'colour' } }).success).toBe(false);
    expect(columnMappingSchema.safeParse(mapping).success).toBe(true);
  });
});
