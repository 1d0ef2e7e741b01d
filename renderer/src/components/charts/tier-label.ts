/**
 * The service names the groups outside the scenario's tiers in Chinese (不参与评分, (无分值)),
 * as the engine and the exported files do; the screens show them in the UI language.
 */
import { chartTexts } from '../../../../core/charts/chart-texts';
import { NO_VALUE_GROUP } from '../../../../core/engine/aggregates';
import type { Lang } from '../../../../core/model/messages';
import { INELIGIBLE_TIER } from '../../../../core/model/scenario';

export function tierLabel(tier: string, lang: Lang): string {
  if (tier === INELIGIBLE_TIER) return chartTexts.ineligibleGroup[lang];
  if (tier === NO_VALUE_GROUP) return chartTexts.noValueGroup[lang];
  return tier;
}
