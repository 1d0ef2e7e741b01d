import { describe, expect, it } from 'vitest';
import { matchHeaderRow } from '../../../core/io/mapping/detect-header.js';

describe('matchHeaderRow', () => {
  it('maps English names and Chinese aliases, forgiving case, spaces and full-width forms', () => {
    const match = matchHeaderRow(['用户编号', ' Month ', 'BILLED_REVENUE', '\ufeff资费套餐', 'ＧＰＲＳ流量', '流量 MB', null]);
    expect(match?.columns.map((c) => [c.index, c.field])).toEqual([
      [0, 'customer_id'],
      [1, 'month'],
      [2, 'billed_revenue'],
      [3, 'plan'],
      [4, 'data_mb'],
    ]);
    expect(match?.duplicates.map((d) => [d.field, d.first.header, d.second.header])).toEqual([['data_mb', 'ＧＰＲＳ流量', '流量 MB']]);
    expect(match?.width).toBe(7);
  });

  it('keeps the header text as in the file and lists unknown columns', () => {
    const match = matchHeaderRow([' 账期 ', 'customer_id', '备注', '']);
    expect(match?.columns[0]).toEqual({ index: 0, header: ' 账期 ', field: 'month' });
    expect(match?.unknown).toEqual([{ index: 2, header: '备注' }]);
  });

  it('needs at least two known fields, so a title row is not a header', () => {
    expect(matchHeaderRow(['2026年9月 用户账单明细'])).toBeNull();
    expect(matchHeaderRow(['月份', '说明'])).toBeNull();
    expect(matchHeaderRow([])).toBeNull();
  });

  it('treats __proto__ and constructor as ordinary unknown columns', () => {
    const match = matchHeaderRow(['__proto__', 'constructor', 'customer_id', 'month']);
    expect(match?.unknown.map((u) => u.header)).toEqual(['__proto__', 'constructor']);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
