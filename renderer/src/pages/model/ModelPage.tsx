/**
 * 模型: the scenario form. Every edit goes to the scenario store's draft and is checked at
 * once with parseScenario; each section shows the issues of its own fields.
 */
import { useTranslation } from 'react-i18next';
import { BasicsSection } from './BasicsSection';
import { BehaviourSection } from './BehaviourSection';
import { BreakpointsSection } from './BreakpointsSection';
import { DriverWeightsSection } from './DriverWeightsSection';
import { SavedScenarios } from './SavedScenarios';
import { ScenarioToolbar } from './ScenarioToolbar';
import { SubScoresSection } from './SubScoresSection';
import { TiersSection } from './TiersSection';
import { ValueScoreSection } from './ValueScoreSection';
import { WarningsSection } from './WarningsSection';

export function ModelPage() {
  const { t } = useTranslation('model');
  return (
    <div className="page page--model" data-testid="model-page">
      <div>
        <h2 className="page__title">{t('title')}</h2>
        <p className="page__intro">{t('intro')}</p>
      </div>
      <div className="model-layout">
        <SavedScenarios />
        <div className="model-form">
          <ScenarioToolbar />
          <BasicsSection />
          <ValueScoreSection />
          <DriverWeightsSection />
          <BreakpointsSection />
          <SubScoresSection />
          <BehaviourSection />
          <TiersSection />
          <WarningsSection />
        </div>
      </div>
    </div>
  );
}
