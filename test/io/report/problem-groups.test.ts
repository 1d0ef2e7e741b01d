/** How the report names a problem's column and arranges problems by table and row. */
import { describe, expect, it } from 'vitest';
import { columnLabel, groupRowProblems, rowProblemsText } from '../../../core/io/report/problem-groups.js';
import type { ReportProblem, ValidationReport } from '../../../core/io/validation-report.js';

const HEADER = ['customer_id', 'month', '应收费用'];

function problem(at: Partial<ReportProblem>): ReportProblem {
  return { severity: 'error', code: 'cell.x', zh: '不对', en: 'wrong', ...at };
}

describe('columnLabel', () => {
  it('gives the letter and the header text, whichever the problem carries', () => {
    expect(columnLabel({ column: '应收费用', columnNumber: 3 }, HEADER)).toBe('C 应收费用');
    expect(columnLabel({ column: 'C', columnNumber: 3 }, HEADER)).toBe('C 应收费用');
    expect(columnLabel({ columnNumber: 30 }, HEADER)).toBe('AD');
    expect(columnLabel({ column: 'x' }, HEADER)).toBe('x');
    expect(columnLabel({}, HEADER)).toBe('');
  });
});

describe('rowProblemsText', () => {
  it('puts one problem per line, warnings marked', () => {
    const problems = [problem({ column: '应收费用', columnNumber: 3 }), problem({ severity: 'warning', zh: '提醒', en: 'note' })];
    expect(rowProblemsText(problems, HEADER, 'zh')).toBe('列 C 应收费用：不对\n（警告）提醒');
    expect(rowProblemsText(problems, HEADER, 'en')).toBe('Column C 应收费用: wrong\n(warning) note');
  });
});

describe('groupRowProblems', () => {
  it('groups row problems by table in the order the tables were read', () => {
    const report: ValidationReport = {
      problems: [
        problem({ file: 'b.csv', row: 4 }),
        problem({ file: 'a.xlsx', sheet: 'S', row: 2 }),
        problem({ file: 'b.csv', row: 2 }),
        problem({ file: 'b.csv', row: 4, code: 'cell.y' }),
        problem({ file: 'b.csv' }),
        problem({ file: 'gone.csv', row: 1 }),
      ],
      problemsOmitted: 0,
      errorCount: 6,
      warningCount: 0,
      files: [
        { file: 'a.xlsx', sheet: 'S', kind: 'usage', rows: 3, sha256: 'a' },
        { file: 'b.csv', kind: 'usage', rows: 3, sha256: 'b' },
      ],
    };
    const groups = groupRowProblems(report);
    expect(groups.map((g) => [g.file, g.sheet, g.entry?.sha256, [...g.rows.keys()]])).toEqual([
      ['a.xlsx', 'S', 'a', [2]],
      ['b.csv', undefined, 'b', [4, 2]],
      ['gone.csv', undefined, undefined, [1]],
    ]);
    expect(groups[1]?.rows.get(4)?.map((p) => p.code)).toEqual(['cell.x', 'cell.y']);
  });
});
