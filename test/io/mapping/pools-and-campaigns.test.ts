import { describe, expect, it } from 'vitest';
import { CampaignsCollector, parseScope, PoolsCollector } from '../../../core/io/mapping/pools-and-campaigns.js';
import type { PoolScope } from '../../../core/model/dataset.js';
import type { Problem } from '../../../core/model/messages.js';
import { monthNumber } from '../../../core/model/month.js';

const MAR = monthNumber('2026-03');

describe('parseScope', () => {
  it.each<[string | null, PoolScope | null | string]>([
    [null, null],
    ['branch=郑州', { field: 'branch', value: '郑州' }],
    ['分公司 = 郑州', { field: 'branch', value: '郑州' }],
    ['资费套餐＝4G 套餐', { field: 'plan', value: '4G 套餐' }],
    ['Channel=社会渠道', { field: 'channel', value: '社会渠道' }],
    ['brand=a=b', { field: 'brand', value: 'a=b' }],
    ['segment=商务精英', 'cell.unknown_scope_field'],
    ['郑州', 'cell.bad_scope'],
    ['branch=', 'cell.bad_scope'],
  ])('%j → %j', (text, expected) => {
    const result: PoolScope | Problem | null = parseScope(text);
    expect(result !== null && 'code' in result ? result.code : result).toEqual(expected);
  });
});

describe('PoolsCollector', () => {
  it('refuses a pool twice in one month, naming the earlier row, and sorts by month then name', () => {
    const pools = new PoolsCollector();
    expect(pools.add({ pool: 'Q', month: MAR, amountFen: 1, scope: null }, { name: 'a.csv', row: 2 })).toBeNull();
    expect(pools.add({ pool: 'P', month: MAR, amountFen: 2, scope: null }, { name: 'a.csv', row: 3 })).toBeNull();
    expect(pools.add({ pool: 'P', month: MAR - 1, amountFen: 3, scope: null }, { name: 'a.csv', row: 4 })).toBeNull();
    const duplicate = pools.add({ pool: 'P', month: MAR, amountFen: 9, scope: null }, { name: 'b.csv', row: 7 });
    expect(duplicate?.en).toBe('cost pool "P" appears twice for 2026-03 (also a.csv row 3)');
    expect(pools.result().map((p) => [p.pool, p.month, p.amountFen])).toEqual([
      ['P', MAR - 1, 3],
      ['P', MAR, 2],
      ['Q', MAR, 1],
    ]);
  });
});

describe('CampaignsCollector', () => {
  it('refuses a customer twice in one campaign and sorts by campaign then customer', () => {
    const campaigns = new CampaignsCollector();
    const at = { name: 'c.csv', row: 2 };
    expect(campaigns.add({ customerId: '9', campaign: 'B', startMonth: MAR, cost: 1 }, at)).toBeNull();
    expect(campaigns.add({ customerId: '10', campaign: 'B', startMonth: MAR, cost: 1 }, at)).toBeNull();
    expect(campaigns.add({ customerId: '9', campaign: 'A', startMonth: MAR, cost: 1 }, at)).toBeNull();
    expect(campaigns.add({ customerId: '9', campaign: 'B', startMonth: MAR - 1, cost: 2 }, { name: 'c.csv', row: 5 })?.code).toBe(
      'row.duplicate_participant',
    );
    expect(campaigns.result().map((p) => `${p.campaign}/${p.customerId}`)).toEqual(['A/9', 'B/10', 'B/9']);
  });
});
