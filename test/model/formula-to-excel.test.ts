import { describe, expect, it } from 'vitest';
import { formulaToExcel } from '../../core/model/formula-to-excel.js';

const CELLS = { profit_score: 'O2', loyalty: 'Q2', credit: 'P2', behaviour: 'R2', avg_profit: 'N2', avg_revenue: 'J2', avg_cost: '(L2+M2)', tenure_months: 'G2' } as const;
const excel = (text: string): string => formulaToExcel(text, (v) => CELLS[v]);

describe('value formula → Excel formula', () => {
  it.each([
    ['0.7*profit_score + 0.3*loyalty', '((0.7*O2)+(0.3*Q2))'],
    ['-avg_profit / 2', '(-(N2)/2)'],
    ['clamp(avg_cost, 0, 100)', 'MIN(MAX((L2+M2),0),100)'],
    ['round(credit)', 'ROUND(P2,0)'],
    ['min(credit, loyalty, behaviour)', 'MIN(P2,Q2,R2)'],
    ['if(tenure_months >= 24, 1, 0)', 'IF(IF(G2>=24,1,0)<>0,1,0)'],
    ['avg_revenue == 0 ? 0 : avg_profit / avg_revenue', 'IF(IF(J2=0,1,0)<>0,0,(N2/J2))'],
    ['credit != loyalty && !behaviour', 'IF(AND(IF(P2<>Q2,1,0)<>0,IF(R2=0,1,0)<>0),1,0)'],
    ['abs(avg_profit) || 1e-7', 'IF(OR(ABS(N2)<>0,1E-7<>0),1,0)'],
  ])('%s → %s', (text, expected) => {
    expect(excel(text)).toBe(expected);
  });

  it('refuses a formula the engine refuses', () => {
    expect(() => excel('profit_score; 1')).toThrow();
    expect(() => excel('unknown_name * 2')).toThrow(/Unknown name/);
  });
});
