// @vitest-environment jsdom
/** 预警 with a fake service: rule chips with counts, the rule and branch filters sent to warnings:list, and the CSV text. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../../core/model/scenario';
import type { ChannelArgument, WarningPage, WarningView } from '../../../core/service/contract';
import { bindServiceClient } from '../../../renderer/src/app/service-client';
import { warningsCsv } from '../../../renderer/src/pages/warnings/warnings-csv';
import { WarningsPage } from '../../../renderer/src/pages/warnings/WarningsPage';
import { useScenarioStore } from '../../../renderer/src/stores/scenario-store';
import { useTrendStore } from '../../../renderer/src/stores/trend-store';
import '../results/dom-setup';
import { fakeClient } from '../results/fake-client';

const ROWS: readonly WarningView[] = [
  { month: '2026-05', rule: 'negative_turn', subjectKind: 'customer', subject: 'C001', before: 12.5, after: -3, detail: null, branch: '城东' },
  { month: '2026-05', rule: 'value_drop', subjectKind: 'customer', subject: 'C002', before: 80, after: 55, detail: 'A→C', branch: '城西' },
  { month: '2026-06', rule: 'share_rise', subjectKind: 'branch', subject: '城东', before: 0.1, after: 0.15, detail: null, branch: '城东' },
];

/** The service's filtering, as warnings:list does it. */
function answer(argument: ChannelArgument<'warnings:list'>): { ok: true; page: WarningPage } {
  const inBranch = ROWS.filter((w) => argument.branch === undefined || w.branch === argument.branch);
  const counts = { negative_turn: 0, value_drop: 0, credit_arrears: 0, share_rise: 0, plan_flags: 0 };
  for (const w of inBranch) counts[w.rule]++;
  const rows = inBranch.filter((w) => argument.rule === undefined || w.rule === argument.rule);
  return { ok: true, page: { total: rows.length, offset: 0, rows, counts, branches: ['城东', '城西'] } };
}

function shownSubjects(): string[] {
  return within(screen.getByTestId('warnings-table'))
    .queryAllByRole('rowheader')
    .map((th) => th.textContent ?? '');
}

describe('WarningsPage', () => {
  beforeEach(() => {
    useTrendStore.setState({ warnings: null, filter: { rule: null, branch: null }, offset: 0, issues: [], error: null });
    useScenarioStore.getState().replaceDraft(scenarioSchema.parse({ name: 'w' }));
  });

  it('filters by rule and branch, with counts per rule', async () => {
    const client = fakeClient({ 'warnings:list': answer });
    bindServiceClient(client);
    render(<WarningsPage />);
    await waitFor(() => expect(shownSubjects()).toEqual(['C001', 'C002', '城东']));
    expect(screen.getByTestId('warnings-rule-negative_turn').textContent).toBe('转为负值 (1)');

    await userEvent.click(screen.getByTestId('warnings-rule-value_drop'));
    await waitFor(() => expect(shownSubjects()).toEqual(['C002']));
    expect(client.callsOf('warnings:list').at(-1)).toMatchObject({ rule: 'value_drop', offset: 0 });

    await userEvent.click(screen.getByTestId('warnings-rule-all'));
    await userEvent.selectOptions(screen.getByTestId('warnings-branch'), '城东');
    await waitFor(() => expect(shownSubjects()).toEqual(['C001', '城东']));
    const last = client.callsOf('warnings:list').at(-1);
    expect(last?.branch).toBe('城东');
    expect(last?.rule).toBeUndefined();
    expect(screen.getByTestId('warnings-rule-value_drop').textContent).toBe('价值下滑 (0)');
  });

  it('shows each rule’s figures in their unit and its detail in words', async () => {
    const rows: WarningView[] = [
      { month: '2026-05', rule: 'negative_turn', subjectKind: 'customer', subject: 'C001', before: 12.5, after: -3, detail: null, branch: '城东' },
      { month: '2026-05', rule: 'share_rise', subjectKind: 'branch', subject: '城东', before: 0.1, after: 0.15, detail: '+5.00pp', branch: '城东' },
      { month: '2026-06', rule: 'credit_arrears', subjectKind: 'customer', subject: 'C003', before: 45, after: 30.5, detail: 'arrears=120.5', branch: '城西' },
      { month: '2026-06', rule: 'plan_flags', subjectKind: 'plan', subject: 'P9', before: null, after: -80, detail: '结算倒挂', branch: null },
      { month: '2026-06', rule: 'value_drop', subjectKind: 'customer', subject: 'C002', before: 80, after: 55.25, detail: 'A→C', branch: '城西' },
    ];
    const counts = { negative_turn: 1, value_drop: 1, credit_arrears: 1, share_rise: 1, plan_flags: 1 };
    bindServiceClient(fakeClient({ 'warnings:list': () => ({ ok: true, page: { total: rows.length, offset: 0, rows, counts, branches: ['城东', '城西'] } }) }));
    render(<WarningsPage />);
    await waitFor(() => expect(shownSubjects()).toHaveLength(5));
    const shown = within(screen.getByTestId('warnings-table'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.querySelectorAll('th, td'), (c) => c.textContent ?? '').slice(5));
    expect(shown).toEqual([
      ['¥12.50', '-¥3.00', ''],
      ['10.00%', '15.00%', '上升 5.00 个百分点'],
      ['45.00', '30.50', '欠费 ¥120.50'],
      ['—', '-¥80.00', '结算倒挂'],
      ['80.00', '55.25', 'A→C'],
    ]);
  });

  it('writes the CSV with labels and escapes', () => {
    const csv = warningsCsv([{ ...ROWS[1], detail: '=A1, "x"' } as WarningView], { column: (c) => c, rule: (r) => r, subjectKind: (k) => k });
    expect(csv).toBe('\uFEFFmonth,rule,subjectKind,subject,branch,before,after,detail\r\n2026-05,value_drop,customer,C002,城西,80,55,"\'=A1, ""x"""\r\n');
  });
});
