// @vitest-environment jsdom
/** 趋势与预警 on the 模型 screen: each rule's switch and thresholds edit the draft's `warnings` exactly. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../core/model/scenario';
import { WARNING_RULE_NAMES } from '../../../core/model/warning-rule-names';
import { LanguageSwitch } from '../../../renderer/src/app/LanguageSwitch';
import { ServiceProvider } from '../../../renderer/src/app/ServiceProvider';
import { ModelPage } from '../../../renderer/src/pages/model/ModelPage';
import { useScenarioStore } from '../../../renderer/src/stores/scenario-store';
import { type Handlers, testClient } from '../app/fake-client';
import '../app/reset';

function renderPage(handlers: Handlers = {}) {
  const client = testClient({ 'scenarios:list': () => [], ...handlers });
  render(
    <ServiceProvider client={client}>
      <ModelPage />
    </ServiceProvider>,
  );
  return client;
}

async function replaceText(testId: string, text: string): Promise<void> {
  const input = screen.getByTestId(testId);
  await userEvent.clear(input);
  if (text !== '') await userEvent.type(input, text);
}

function saveButton(): HTMLButtonElement {
  return screen.getByTestId<HTMLButtonElement>('scenario-save');
}

/** The message parseScenario gives for `path` when the draft has `value` there, as shown beside the field (without the path it starts with). */
function issueAt(path: readonly string[], value: unknown): { zh: string; en: string } {
  const draft = structuredClone(useScenarioStore.getState().draft) as Record<string, unknown>;
  let here = draft;
  for (const key of path.slice(0, -1)) here = here[key] as Record<string, unknown>;
  here[path.at(-1) ?? ''] = value;
  const parsed = parseScenario(draft);
  const issue = parsed.ok ? undefined : parsed.issues.find((i) => i.path === path.join('.'));
  if (issue === undefined) throw new Error(`no issue at ${path.join('.')}`);
  const prefix = `${path.join('.')}: `;
  expect(issue.zh.startsWith(prefix) && issue.en.startsWith(prefix)).toBe(true);
  return { zh: issue.zh.slice(prefix.length), en: issue.en.slice(prefix.length) };
}

describe('WarningsSection', () => {
  it('shows the trend months and the five rules, named as on the 预警 screen, on by default', () => {
    renderPage();
    const section = screen.getByTestId('section-warnings');
    expect(within(section).getByRole('heading').textContent).toBe('趋势与预警');
    expect(screen.getByTestId<HTMLInputElement>('field-trend_months').value).toBe('6');
    const switches = within(section).getAllByRole('switch');
    expect(switches.map((s) => s.closest('label')?.textContent)).toEqual(Object.values(WARNING_RULE_NAMES).map((n) => n.zh));
    expect(switches.every((s) => (s as HTMLInputElement).checked)).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('warning-value_drop-points').value).toBe('20');
    expect(screen.getByTestId<HTMLInputElement>('warning-value_drop-tiers').value).toBe('2');
    expect(screen.getByTestId<HTMLInputElement>('warning-credit_arrears-credit_below').value).toBe('40');
    expect(screen.getByTestId<HTMLInputElement>('warning-share_rise-points').value).toBe('3');
  });

  it('switching a rule off and changing thresholds changes exactly those places of the draft, and they are saved', async () => {
    const client = renderPage({
      'scenarios:save': ({ scenario }) => {
        const parsed = parseScenario(scenario);
        if (!parsed.ok) return { ok: false, issues: parsed.issues };
        return { ok: true, saved: { id: 1, name: parsed.scenario.name, scenario: parsed.scenario, updatedAt: '2026-10-01T00:00:00Z' } };
      },
    });
    const before = useScenarioStore.getState().draft;

    await userEvent.click(screen.getByRole('switch', { name: '价值下滑' }));
    await replaceText('warning-credit_arrears-credit_below', '35.5');
    await replaceText('warning-share_rise-points', '5');
    await replaceText('field-trend_months', '12');

    const expected = {
      negative_turn: { enabled: true },
      value_drop: { enabled: false, points: 20, tiers: 2 },
      credit_arrears: { enabled: true, credit_below: 35.5 },
      share_rise: { enabled: true, points: 5 },
      plan_flags: { enabled: true },
    };
    const { draft, check } = useScenarioStore.getState();
    expect(draft['warnings']).toEqual(expected);
    expect(draft['trend_months']).toBe(12);
    // Nothing else of the scenario moved.
    expect({ ...draft, warnings: undefined, trend_months: undefined }).toEqual({ ...before, warnings: undefined, trend_months: undefined });
    expect(check.ok && check.scenario.warnings).toEqual(expected);
    expect(screen.getByTestId('warning-rule-value_drop').className).toContain('warning-rule--off');

    await userEvent.click(saveButton());
    await waitFor(() => expect(screen.getByTestId('scenario-status').textContent).toBe('已保存'));
    const saved = client.callsOf('scenarios:save')[0]?.scenario;
    expect(saved?.['warnings']).toEqual(expected);
    expect(saved?.['trend_months']).toBe(12);

    // And back on.
    await userEvent.click(screen.getByRole('switch', { name: '价值下滑' }));
    expect(useScenarioStore.getState().draft['warnings']).toEqual({ ...expected, value_drop: { enabled: true, points: 20, tiers: 2 } });
  });

  it('shows an out-of-range value’s issue beside its field and blocks saving until it is fixed', async () => {
    renderPage();
    const tooMany = issueAt(['trend_months'], 30);
    await replaceText('field-trend_months', '30');
    expect(screen.getByTestId('field-trend_months-issues').textContent).toBe(tooMany.zh);
    expect(saveButton().disabled).toBe(true);

    const noTiers = issueAt(['warnings', 'value_drop', 'tiers'], 0);
    await replaceText('warning-value_drop-tiers', '0');
    expect(screen.getByTestId('warning-value_drop-tiers-issues').textContent).toBe(noTiers.zh);

    const credit = issueAt(['warnings', 'credit_arrears', 'credit_below'], 120);
    await replaceText('warning-credit_arrears-credit_below', '120');
    expect(screen.getByTestId('warning-credit_arrears-credit_below-issues').textContent).toBe(credit.zh);

    await replaceText('warning-share_rise-points', '');
    expect(screen.getByTestId('warning-share_rise-points-issues').textContent).toBe('请输入数字');
    expect(screen.getByTestId('scenario-status').textContent).toContain('方案有 4 处问题');

    await replaceText('field-trend_months', '24');
    await replaceText('warning-value_drop-tiers', '1');
    await replaceText('warning-credit_arrears-credit_below', '100');
    await replaceText('warning-share_rise-points', '0.5');
    expect(screen.queryByTestId('field-trend_months-issues')).toBeNull();
    expect(screen.queryByTestId('warning-value_drop-tiers-issues')).toBeNull();
    expect(useScenarioStore.getState().check.ok).toBe(true);
    expect(saveButton().disabled).toBe(false);
  });

  it('reads in English after the switch, with the rule names of the Early warnings screen', async () => {
    renderPage();
    render(<LanguageSwitch />);
    await replaceText('field-trend_months', '1');
    await userEvent.click(screen.getByTestId('lang-en'));

    const section = screen.getByTestId('section-warnings');
    expect(within(section).getByRole('heading').textContent).toBe('Trend and early warnings');
    expect(within(section).getAllByRole('switch').map((s) => s.closest('label')?.textContent)).toEqual(Object.values(WARNING_RULE_NAMES).map((n) => n.en));
    expect(within(section).getByLabelText('Trend months (K)')).toBe(screen.getByTestId('field-trend_months'));
    expect(within(section).getByLabelText('Value fall (points) ≥')).toBe(screen.getByTestId('warning-value_drop-points'));
    expect(within(section).getByLabelText('Tier fall (tiers) ≥')).toBe(screen.getByTestId('warning-value_drop-tiers'));
    expect(within(section).getByLabelText('Credit below (score)')).toBe(screen.getByTestId('warning-credit_arrears-credit_below'));
    expect(within(section).getByLabelText('Share rise (percentage points) ≥')).toBe(screen.getByTestId('warning-share_rise-points'));
    expect(within(screen.getByTestId('warning-rule-negative_turn')).getByText("A customer's average profit was ≥ 0 last month and is < 0 now")).toBeTruthy();
    expect(screen.getByTestId('field-trend_months-issues').textContent).toBe(issueAt(['trend_months'], 1).en);
  });
});
