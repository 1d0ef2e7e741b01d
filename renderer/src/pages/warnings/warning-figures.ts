/**
 * A warning's before/after figures and detail as the screen shows them. The figures mean
 * different things per rule (yuan of avg profit, a value score, a credit score, a share), and
 * the engine's detail is a terse code (`arrears=12.5`, `+3.70pp`, 亏损资费) meant for files, so
 * each is put into the screen's words here. A detail this screen does not know shows as it is.
 */
import type { TFunction } from 'i18next';
import type { WarningView } from '../../../../core/service/contract';
import { formatDecimal, formatShare, formatYuan } from '../results/finance-format';

export function warningFigure(rule: WarningView['rule'], x: number | null): string {
  if (x === null) return '—';
  switch (rule) {
    case 'negative_turn':
    case 'plan_flags':
      return formatYuan(x);
    case 'share_rise':
      return formatShare(x);
    case 'value_drop':
    case 'credit_arrears':
      return formatDecimal(x);
  }
}

const PLAN_FLAGS: Readonly<Record<string, 'lossMakingPlan' | 'settlementInverted'>> = { 亏损资费: 'lossMakingPlan', 结算倒挂: 'settlementInverted' };

export function warningDetail(w: WarningView, t: TFunction<'warnings'>): string {
  const detail = w.detail ?? '';
  if (w.rule === 'credit_arrears') {
    const arrears = /^arrears=(-?[\d.]+(?:e[-+]?\d+)?)$/i.exec(detail);
    if (arrears !== null) return t('details.arrears', { amount: formatYuan(Number(arrears[1])) });
  }
  if (w.rule === 'share_rise') {
    const points = /^\+(-?[\d.]+)pp$/.exec(detail);
    if (points !== null) return t('details.sharePoints', { points: points[1] });
  }
  if (w.rule === 'plan_flags') {
    const flag = PLAN_FLAGS[detail];
    if (flag !== undefined) return t(`details.${flag}`);
  }
  return detail;
}
