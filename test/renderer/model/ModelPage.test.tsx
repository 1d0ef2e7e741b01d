// @vitest-environment jsdom
/** The scenario form: live checks beside the fields, save only when valid, messages in the UI language. */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { compileFormula } from '../../../core/model/formula';
import { parseScenario } from '../../../core/model/scenario';
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

function saveButton(): HTMLButtonElement {
  return screen.getByTestId<HTMLButtonElement>('scenario-save');
}

async function replaceText(testId: string, text: string): Promise<void> {
  const input = screen.getByTestId(testId);
  await userEvent.clear(input);
  if (text !== '') await userEvent.type(input, text);
}

describe('ModelPage', () => {
  it('flags value weights that do not add up to 100% and disables save', async () => {
    renderPage();
    expect(saveButton().disabled).toBe(false);

    await replaceText('model-weight-profit-input', '0.8');
    expect(screen.getByTestId('value-weights-issues').textContent).toBe('价值得分的权重之和须为 100%（现为 110.00%）');
    expect(screen.getByTestId('model-weight-sum').textContent).toBe('权重合计 110%');
    expect(saveButton().disabled).toBe(true);
    expect(screen.getByTestId('scenario-status').textContent).toContain('方案有 1 处问题');
  });

  it('enables save again after a good change, and saves the draft', async () => {
    const client = renderPage({
      'scenarios:save': ({ scenario }) => {
        const parsed = parseScenario(scenario);
        if (!parsed.ok) return { ok: false, issues: parsed.issues };
        return { ok: true, saved: { id: 1, name: parsed.scenario.name, scenario: parsed.scenario, updatedAt: '2026-10-01T00:00:00Z' } };
      },
    });
    await replaceText('model-weight-profit-input', '0.8');
    expect(saveButton().disabled).toBe(true);
    await replaceText('model-weight-loyalty-input', '0');
    expect(screen.queryByTestId('value-weights-issues')).toBeNull();
    expect(saveButton().disabled).toBe(false);

    await userEvent.click(saveButton());
    await waitFor(() => expect(screen.getByTestId('scenario-status').textContent).toBe('已保存'));
    expect(client.callsOf('scenarios:save')[0]?.scenario['value_weights']).toEqual({ profit: 0.8, loyalty: 0, credit: 0.1, behaviour: 0.1 });
  });

  it('shows a bad formula’s error as compileFormula words it, and clears it when fixed', async () => {
    renderPage();
    await userEvent.click(screen.getByTestId('value-mode-formula'));
    await replaceText('value-formula', 'profit_score * 0.9 + bonus');
    const expected = compileFormula('profit_score * 0.9 + bonus');
    expect(expected.ok).toBe(false);
    expect(screen.getByTestId('value-formula-issue').textContent).toBe(expected.ok ? '' : expected.problem.zh);
    expect(saveButton().disabled).toBe(true);

    await replaceText('value-formula', 'profit_score * 0.9 + credit * 0.1');
    expect(screen.queryByTestId('value-formula-issue')).toBeNull();
    expect(screen.getByTestId('value-formula-ok')).toBeTruthy();
    expect(saveButton().disabled).toBe(false);
    expect(useScenarioStore.getState().draft['value_formula']).toBe('profit_score * 0.9 + credit * 0.1');

    // Back to weights: the formula is dropped from the scenario.
    await userEvent.click(screen.getByTestId('value-mode-weights'));
    expect(useScenarioStore.getState().draft['value_formula']).toBeNull();
  });

  it('asks for a number where a number box holds text', async () => {
    renderPage();
    await replaceText('field-window', '');
    expect(screen.getByTestId('field-window-issues').textContent).toBe('请输入数字');
    expect(saveButton().disabled).toBe(true);
    await userEvent.type(screen.getByTestId('field-window'), '6');
    expect(screen.queryByTestId('field-window-issues')).toBeNull();
    expect(useScenarioStore.getState().draft['window']).toBe(6);
  });

  it('shows the messages in English after the switch', async () => {
    renderPage();
    render(<LanguageSwitch />);
    await replaceText('model-weight-profit-input', '0.8');
    await userEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('value-weights-issues').textContent).toBe('Value score weights must add up to 100% (they add up to 110.00%)');
    expect(screen.getByTestId('model-weight-sum').textContent).toBe('Weights add up to 110%');
    expect(localStorage.getItem('cvs.lang')).toBe('en');

    await userEvent.click(screen.getByTestId('value-mode-formula'));
    await replaceText('value-formula', 'max(profit_score)');
    expect(screen.getByTestId('value-formula-issue').textContent).toBe('Function max takes 2+ arguments, got 1');
  });

  it('checks manual breakpoints row by row and draws them', async () => {
    renderPage();
    await userEvent.click(screen.getByTestId('breakpoints-manual'));
    expect(screen.getByTestId('breakpoint-curve')).toBeTruthy();
    expect(saveButton().disabled).toBe(false);
    await replaceText('breakpoint-1-p', '-200');
    expect(screen.getByText('第 2 行的利润须大于上一行')).toBeTruthy();
    expect(saveButton().disabled).toBe(true);
  });

  it('flags a driver row that does not add up; adds a tier above the lowest; flags tiers that do not descend', async () => {
    renderPage();
    await userEvent.type(screen.getByTestId('drivers-new-pool'), '网络运维');
    await userEvent.click(screen.getByTestId('drivers-add-pool'));
    await replaceText('drivers-pool-0-data_mb', '0.3');
    expect(screen.getByTestId('drivers-pool-0-sum').textContent).toBe('130%');
    expect(screen.getByText('成本动因的权重之和须为 100%（现为 130.00%）')).toBeTruthy();

    await replaceText('drivers-pool-0-users', '0.2');
    expect(screen.queryByText(/成本动因的权重之和/)).toBeNull();

    await userEvent.click(screen.getByTestId('tier-add'));
    expect(screen.getByTestId<HTMLInputElement>('tier-3-name').value).toBe('D');
    expect(screen.getByTestId<HTMLInputElement>('tier-lowest').value).toBe('E');
    expect(useScenarioStore.getState().check.ok).toBe(true);

    await replaceText('tier-1-threshold', '90');
    expect(screen.getByText('分层门槛须从高到低：B')).toBeTruthy();
    expect(saveButton().disabled).toBe(true);
  });
});
