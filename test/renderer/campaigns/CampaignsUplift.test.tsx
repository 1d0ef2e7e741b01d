// @vitest-environment jsdom
/** 营销's uplift column: the figure with its control size, or why it is withheld. */
import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CampaignView } from '../../../core/service/contract';
import { ServiceProvider } from '../../../renderer/src/app/ServiceProvider';
import { CampaignsPage } from '../../../renderer/src/pages/campaigns/CampaignsPage';
import { useRunStore } from '../../../renderer/src/stores/run-store';
import '../results/dom-setup';
import { fakeClient } from '../results/fake-client';
import { miniRun } from '../results/mini-fixtures';

const base: CampaignView = { campaign: '', participants: 50, costAll: 100, startMonths: ['2026-02'], evaluated: 40, excluded: 10, costEvaluated: 80, incrementalProfit: 120, roi: 0.5, negativeBeforeShare: 0.1, uplift: null, controlSize: 0, upliftNote: '', upliftTiers: [] };

describe('CampaignsPage uplift', () => {
  beforeEach(() => useRunStore.getState().reset());

  it('asks for the uplift of the shown run, then shows it with its control size, or the insufficient-control note instead of a figure', async () => {
    const given: CampaignView = { ...base, campaign: '甲活动', uplift: 12.5, controlSize: 64 };
    const few: CampaignView = { ...base, campaign: '乙活动', controlSize: 12, upliftNote: 'insufficient_control' };
    const pending = (c: CampaignView): CampaignView => ({ ...c, uplift: null, controlSize: 0, upliftNote: 'not_computed' });
    const client = fakeClient({ 'campaigns:uplift': () => [given, few] });
    useRunStore.setState({ run: { ...miniRun, campaigns: [pending(given), pending(few)] } });
    render(
      <ServiceProvider client={client}>
        <CampaignsPage />
      </ServiceProvider>,
    );
    const upliftOf = (name: string) =>
      within(screen.getByTestId('campaigns-table'))
        .getAllByRole('row')
        .find((r) => r.querySelector('th')?.textContent === name)
        ?.querySelector('[data-testid="campaign-uplift"]')?.textContent;
    await waitFor(() => expect(upliftOf('甲活动')).toContain('¥12.50'));
    expect(client.callsOf('campaigns:uplift')).toEqual([{ runId: miniRun.runId }]);
    expect(upliftOf('甲活动')).toContain('对照 64 人');
    expect(upliftOf('乙活动')).toContain('对照组不足 30');
    expect(upliftOf('乙活动')).not.toContain('¥');
  });

  it('lists the uplift per tier once computed, withholding a tier whose control is under 30', async () => {
    const given: CampaignView = {
      ...base,
      campaign: '甲活动',
      uplift: 12.5,
      controlSize: 64,
      upliftTiers: [
        { tier: 'A', compared: 20, controlSize: 40, uplift: 8.25, upliftNote: '' },
        { tier: '不参与评分', compared: 3, controlSize: 5, uplift: null, upliftNote: 'insufficient_control' },
      ],
    };
    const client = fakeClient({ 'campaigns:uplift': () => [given] });
    useRunStore.setState({ run: { ...miniRun, campaigns: [{ ...given, uplift: null, upliftNote: 'not_computed', upliftTiers: [] }] } });
    render(
      <ServiceProvider client={client}>
        <CampaignsPage />
      </ServiceProvider>,
    );
    const table = await screen.findByTestId('campaign-uplift-tiers');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['甲活动', 'A', '20', '¥8.25 (对照 40 人)'],
      ['甲活动', '不参与评分', '3', '对照组不足 30 (对照 5 人)'],
    ]);
  });
});
