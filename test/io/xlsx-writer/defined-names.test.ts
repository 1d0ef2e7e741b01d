import { describe, expect, it } from 'vitest';
import { checkDefinedName, checkSheetReferences } from '../../../core/io/xlsx-writer/defined-names.js';

describe('defined names', () => {
  it("takes Excel's valid names and drops a leading =", () => {
    const taken = [checkDefinedName('权重_利润', "='参数'!$B$5", [])];
    expect(taken[0]).toEqual({ name: '权重_利润', refersTo: "'参数'!$B$5" });
    // Past the last column (XFD) or with row 0, letters and digits are no cell reference.
    for (const name of ['_Total', '\\path', 'Tax.Rate', 'XFE1', 'A0', 'R1C1x', 'Ř1', 'rate2025']) {
      expect(checkDefinedName(name, '1', taken).name).toBe(name);
    }
  });

  it('refuses cell references, bad characters, reserved, duplicate and over-long names', () => {
    const taken = [checkDefinedName('Rate', '1', [])];
    const cases: [string, RegExp][] = [
      ['', /cannot be empty/],
      ['B12', /looks like a cell reference/],
      ['tax2023', /looks like a cell reference/],
      ['R2C3', /looks like a cell reference/],
      ['rc', /looks like a cell reference/],
      ['R', /looks like a cell reference/],
      ['c12', /looks like a cell reference/],
      ['my name', /no spaces/],
      ['9lives', /must start with a letter/],
      ['a$b', /must start with a letter/],
      ['_xlnm.Print_Titles', /reserved/],
      ['rate', /already used/],
      ['n'.repeat(256), /longer than 255/],
    ];
    for (const [name, message] of cases) expect(() => checkDefinedName(name, '1', taken), name).toThrow(message);
    expect(() => checkDefinedName('Long', `=${'1+'.repeat(4096)}1`, [])).toThrow(/longer than 8192/);
  });

  it('finds the sheets a formula refers to, quoted, bare or 3-D, outside string literals', () => {
    const sheets = ['参数', "It's", 'Jan', 'Mar'];
    const refers = (refersTo: string) => () => checkSheetReferences({ name: 'n', refersTo }, sheets);
    expect(refers("SUM('参数'!$B$2:$B$3)+'It''s'!A1+参数!C1+SUM('Jan:Mar'!A1)&\"x!y\"")).not.toThrow();
    expect(refers("'参数 '!$A$1")).toThrow(/sheet "参数 ", which the workbook does not have/);
    expect(refers('Feb!A1')).toThrow(/sheet "Feb"/);
    expect(refers("'Jan:Feb'!A1")).toThrow(/sheet "Feb"/);
  });
});
