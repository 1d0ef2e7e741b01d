import { describe, expect, it } from 'vitest';
import { FactsBuilder, type FactsTableInfo } from '../../../core/io/mapping/facts-builder.js';
import type { FactTable } from '../../../core/model/dataset.js';
import type { Problem } from '../../../core/model/messages.js';
import { monthNumber } from '../../../core/model/month.js';
import { decodeNumbers } from '../../../core/model/number-column.js';

const JAN = monthNumber('2026-01');
const FEB = monthNumber('2026-02');

const usage: FactsTableInfo = { name: 'usage.csv', fields: ['billed_revenue', 'plan', 'join_date'], usage: true };
const settlement: FactsTableInfo = { name: 'settlement.csv', fields: ['settlement_income', 'plan'], usage: false };

function slotOf(result: number | Problem): number {
  if (typeof result !== 'number') throw new Error(result.en);
  return result;
}

function ids(facts: FactTable): string[] {
  return Array.from({ length: facts.customerIds.length }, (_, i) => facts.customerIds.at(i));
}

describe('FactsBuilder', () => {
  it('orders customers by code unit, rows by month then customer, and fills defaults', () => {
    const b = new FactsBuilder({ sumDuplicateKeys: false });
    const t = b.addTable(usage);
    const billed = b.numberColumn('billed_revenue');
    const plan = b.categoryColumn('plan');
    // Input order is scrambled on purpose; 'B' < 'a' and '10' < '9' in code-unit order.
    for (const [id, month, revenue, planName] of [
      ['a', FEB, 3, 'Y'],
      ['9', JAN, 1, 'X'],
      ['B', JAN, 2, null],
      ['10', FEB, 4, 'X'],
      ['a', JAN, 5, 'Y'],
    ] as const) {
      const slot = slotOf(b.openRow(t, id, month, 1));
      b.setNumber(slot, billed, revenue);
      if (planName !== null) b.setCategory(slot, plan, planName);
    }
    const slot = slotOf(b.openRow(t, '9', FEB, 1));
    b.setNumber(slot, billed, 6);
    b.setJoinMonth(slot, monthNumber('2020-01'));

    const { facts, warnings } = b.build();
    expect(ids(facts)).toEqual(['10', '9', 'B', 'a']);
    expect(Array.from(facts.months)).toEqual([JAN, FEB]);
    expect(Array.from(facts.monthStart)).toEqual([0, 3, 6]);
    expect(Array.from(facts.customer)).toEqual([1, 2, 3, 0, 1, 3]);
    expect(Array.from(decodeNumbers(facts.numbers.billed_revenue))).toEqual([1, 2, 5, 4, 6, 3]);
    expect(Array.from(decodeNumbers(facts.numbers.minutes))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(facts.dictionaries.plan).toEqual(['(未知)', 'X', 'Y']);
    expect(Array.from(facts.categories.plan)).toEqual([1, 0, 2, 1, 0, 2]);
    expect(facts.dictionaries.branch).toEqual(['(未知)']);
    expect(Array.from(facts.joinMonth)).toEqual([-1, -1, -1, -1, monthNumber('2020-01'), -1]);
    expect(warnings).toEqual([]);
  });

  it('keeps every value exactly while a column turns from fen to doubles part-way, and sums as doubles', () => {
    const b = new FactsBuilder({ sumDuplicateKeys: true });
    const t = b.addTable(usage);
    const billed = b.numberColumn('billed_revenue');
    const customerIds = Array.from({ length: 3000 }, (_, i) => String(100000 + i));
    // Two decimals for the first 2,000 customers (held as fen), then a third decimal widens the column.
    customerIds.forEach((id, i) => b.setNumber(slotOf(b.openRow(t, id, JAN, i + 2)), billed, i < 2000 ? i / 100 + 0.07 : i + 0.125));
    // A repeated key adds in doubles: 0.1 + 0.2 is not 0.3, and the builder keeps the sum the engine would.
    b.setNumber(slotOf(b.openRow(t, '099999', JAN, 9000)), billed, 0.1);
    b.setNumber(slotOf(b.openRow(t, '099999', JAN, 9001)), billed, 0.2);
    const { facts } = b.build();
    const values = decodeNumbers(facts.numbers.billed_revenue);
    expect(values[0]).toBe(0.1 + 0.2);
    customerIds.forEach((_, i) => expect(values[i + 1]).toBe(i < 2000 ? i / 100 + 0.07 : i + 0.125));
  });

  it('merges different fields of one key from two tables', () => {
    const b = new FactsBuilder({ sumDuplicateKeys: false });
    const s = b.addTable(settlement);
    const u = b.addTable(usage);
    b.setNumber(slotOf(b.openRow(s, '001', JAN, 2)), b.numberColumn('settlement_income'), 5);
    b.setNumber(slotOf(b.openRow(u, '001', JAN, 2)), b.numberColumn('billed_revenue'), 100);
    const { facts } = b.build();
    expect(Array.from(decodeNumbers(facts.numbers.settlement_income))).toEqual([5]);
    expect(Array.from(decodeNumbers(facts.numbers.billed_revenue))).toEqual([100]);
  });

  it('refuses a field supplied for the same key by two tables, naming the other table', () => {
    const b = new FactsBuilder({ sumDuplicateKeys: true });
    const u = b.addTable(usage);
    const s = b.addTable(settlement);
    const plan = b.categoryColumn('plan');
    b.setCategory(slotOf(b.openRow(u, '001', JAN, 2)), plan, 'X');
    expect(b.setCategory(slotOf(b.openRow(s, '001', JAN, 7)), plan, 'X')?.en).toBe(
      'plan for this customer-month is also supplied by usage.csv; a field may come from one table only',
    );
  });

  it('names the right earlier table when several tables map the field', () => {
    const b = new FactsBuilder({ sumDuplicateKeys: false });
    const jan = b.addTable({ ...usage, name: 'usage-jan.csv' });
    const billed = b.numberColumn('billed_revenue');
    b.setNumber(slotOf(b.openRow(jan, '001', JAN, 2)), billed, 1);
    const feb = b.addTable({ ...usage, name: 'usage-feb.csv' });
    b.setNumber(slotOf(b.openRow(feb, '001', FEB, 2)), billed, 1);
    const fix = b.addTable({ ...usage, name: 'fix.csv' });
    expect(b.setNumber(slotOf(b.openRow(fix, '001', FEB, 2)), billed, 1)?.zh).toContain('usage-feb.csv');
    expect(b.setNumber(slotOf(b.openRow(fix, '001', JAN, 3)), billed, 1)?.zh).toContain('usage-jan.csv');
  });

  it('refuses the same key twice in one table, naming the first row', () => {
    const b = new FactsBuilder({ sumDuplicateKeys: false });
    const t = b.addTable(usage);
    slotOf(b.openRow(t, '001', JAN, 2));
    const second = b.openRow(t, '001', JAN, 9);
    expect(typeof second === 'number' ? null : second.code).toBe('row.duplicate_key');
    expect(typeof second === 'number' ? '' : second.en).toContain('row 2');
  });

  it('with sumDuplicateKeys sums numbers and requires text to agree', () => {
    const b = new FactsBuilder({ sumDuplicateKeys: true });
    const t = b.addTable(usage);
    const billed = b.numberColumn('billed_revenue');
    const plan = b.categoryColumn('plan');
    const first = slotOf(b.openRow(t, '001', JAN, 2));
    b.setNumber(first, billed, 10);
    b.setCategory(first, plan, 'X');
    b.setJoinMonth(first, monthNumber('2020-01'));
    const second = slotOf(b.openRow(t, '001', JAN, 3));
    expect(b.setNumber(second, billed, 2.5)).toBeNull();
    expect(b.setCategory(second, plan, 'X')).toBeNull();
    expect(b.setCategory(second, plan, 'Y')?.en).toBe('when summing rows with the same key, plan must agree (an earlier row has "X")');
    expect(b.setJoinMonth(second, monthNumber('2021-03'))?.en).toContain('"2020-01"');
    const { facts } = b.build();
    expect(Array.from(decodeNumbers(facts.numbers.billed_revenue))).toEqual([12.5]);
  });

  it('drops rows of customer-months without usage and warns once with their count', () => {
    const b = new FactsBuilder({ sumDuplicateKeys: false });
    const u = b.addTable(usage);
    const s = b.addTable(settlement);
    const c = b.addTable({ name: 'credit.csv', fields: ['arrears'], usage: false });
    b.setNumber(slotOf(b.openRow(u, '001', JAN, 2)), b.numberColumn('billed_revenue'), 1);
    b.setNumber(slotOf(b.openRow(s, '001', JAN, 2)), b.numberColumn('settlement_income'), 1);
    b.setNumber(slotOf(b.openRow(s, '001', FEB, 3)), b.numberColumn('settlement_income'), 1);
    b.setNumber(slotOf(b.openRow(s, '002', JAN, 4)), b.numberColumn('settlement_income'), 1);
    b.setNumber(slotOf(b.openRow(c, '002', JAN, 2)), b.numberColumn('arrears'), 1);
    const { facts, warnings } = b.build();
    expect(ids(facts)).toEqual(['001']);
    expect(Array.from(facts.months)).toEqual([JAN]);
    expect(warnings.map((w) => [w.code, w.en])).toEqual([
      ['input.rows_without_usage', '3 rows belong to customer-months that have no usage row and were ignored'],
    ]);
  });

  it('gives empty columns when nothing is present', () => {
    const { facts } = new FactsBuilder({ sumDuplicateKeys: false }).build();
    expect(facts.customer.length).toBe(0);
    expect(Array.from(facts.monthStart)).toEqual([0]);
  });
});
