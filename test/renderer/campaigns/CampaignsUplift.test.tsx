// @vitest-environment jsdom
/** 营销's uplift column: the figure with its control size, or why it is withheld. */
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CampaignView } from '../../../core/service/contract';
import { CampaignsPage } from '../../../renderer/src/pages/campaigns/CampaignsPage';
import { useRunStore } from '../../../renderer/src/stores/run-store';
import '../results/dom-setup';
import { miniRun } from '../results/mini-fixtures';

const base: CampaignView = { campaign: '', participants: 50, costAll: 100, startMonths: ['2026-02'], evaluated: 40, excluded: 10, costEvaluated: 80, incrementalProfit: 120, roi: 0.5, negativeBeforeShare: 0.1, uplift: null, controlSize: 0, upliftNote: '' };

describe('CampaignsPage uplift', () => {
  beforeEach(() => useRunStore.getState().reset());

  it('shows the uplift with its control size, and the insufficient-control note instead of a figure', () => {
    const given: CampaignView = { ...base, campaign: '甲活动', uplift: 12.5, controlSize: 64 };
    const few: CampaignView = { ...base, campaign: '乙活动', controlSize: 12, upliftNote: 'insufficient_control' };
    useRunStore.setState({ run: { ...miniRun, campaigns: [given, few] } });
    render(<CampaignsPage />);
    const rows = within(screen.getByTestId('campaigns-table')).getAllByRole('row').slice(1);
    const upliftOf = (name: string) => rows.find((r) => r.querySelector('th')?.textContent === name)?.querySelector('[data-testid="campaign-uplift"]')?.textContent;
    expect(upliftOf('甲活动')).toContain('¥12.50');
    expect(upliftOf('甲活动')).toContain('对照 64 人');
    expect(upliftOf('乙活动')).toContain('对照组不足 30');
    expect(upliftOf('乙活动')).not.toContain('¥');
  });
});
