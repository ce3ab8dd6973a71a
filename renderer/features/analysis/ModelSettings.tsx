// The scoring model's settings (评分模型设置): a branch head edits weights, breakpoints, margins, tiers and veto
// rules; saving checks every parameter (errors beside the field) and makes the version the next run uses.
import type { ModelProblem, ScoringModelLabels } from '../../../electron/api/scoringModelTypes.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { isEdited } from './modelDraft.js';
import {
  CompositeSection,
  ContributionSection,
  FactorSection,
  TiersSection,
  VetoSection,
} from './ModelSettingsSections.js';
import { problemText, useModelText, type ModelText } from './modelSettingsText.js';
import { useModelSettings, type SaveOutcome } from './useModelSettings.js';
import './modelSettings.css';

function OutcomeNotice(props: { outcome: SaveOutcome; t: ModelText }) {
  const { outcome, t } = props;
  switch (outcome.kind) {
    case 'none':
      return null;
    case 'saved':
      return (
        <div className="notice notice-info" role="status" data-testid="model-saved">
          {outcome.changed ? t('saved', { version: outcome.version }) : t('sameVersion', { version: outcome.version })}
        </div>
      );
    case 'reset':
      return (
        <div className="notice notice-info" role="status" data-testid="model-saved">
          {t('resetDone', { version: outcome.version })}
        </div>
      );
    case 'refused':
      return (
        <div className="notice notice-error" role="alert" data-testid="model-refused">
          {t('notSaved', { count: outcome.count })}
        </div>
      );
    case 'failed':
      return (
        <div className="notice notice-error" role="alert" data-testid="model-refused">
          {outcome.message}
        </div>
      );
  }
}

/** Every problem with the label of its score or section, for the list above the form. */
function ProblemList(props: { problems: ModelProblem[]; labels: ScoringModelLabels; t: ModelText }) {
  const { locale } = useI18n();
  if (props.problems.length === 0) return null;
  const scoreOf = (path: string) => {
    const key = path.split('.')[0] as keyof ScoringModelLabels['scores'];
    return props.labels.scores[key]?.[locale];
  };
  return (
    <div className="notice notice-error model-problems" data-testid="model-problems">
      <strong>{props.t('problems')}</strong>
      <ul>
        {props.problems.map((p) => (
          <li key={`${p.path}:${p.message}`}>
            {scoreOf(p.path) ? `${scoreOf(p.path)} · ` : ''}
            <code>{p.path}</code>: {problemText(props.t, p)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ModelSettings() {
  const t = useModelText();
  const state = useModelSettings();
  const { settings, draft } = state;
  if (state.loadError) {
    // A saved model this version can no longer read: going back to the standard one is the way out.
    return (
      <div className="notice notice-error" role="alert" data-testid="model-load-error">
        {state.loadError}
        <button type="button" className="button" disabled={state.busy} onClick={state.reset}>
          {t('reset')}
        </button>
      </div>
    );
  }
  if (!settings || !draft) return <p className="model-hint">{t('loading')}</p>;
  const edited = isEdited(draft, settings.model);
  const sectionProps = { model: draft, labels: settings.labels, problems: state.problems, onChange: state.change };
  return (
    <div className="model-settings" data-testid="model-settings">
      <div className="model-header">
        <div>
          <h2>{t('title')}</h2>
          <p className="model-hint">{t('intro')}</p>
          <p className="model-version">
            <span data-testid="model-version">{t('version', { version: settings.version })}</span>
            {' · '}
            {settings.isDefault ? t('standard') : t('savedAt', { time: settings.savedAt ?? '' })}
          </p>
          <p className="model-hint">{t('nextRun')}</p>
        </div>
        <div className="model-actions">
          {edited && <span className="model-edited">{t('edited')}</span>}
          <button
            type="button"
            className="button button-primary"
            data-testid="model-save"
            disabled={state.busy || !edited}
            onClick={state.save}
          >
            {state.busy ? t('saving') : t('save')}
          </button>
          <button type="button" className="button" disabled={state.busy || !edited} onClick={state.discard}>
            {t('discard')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            data-testid="model-reset"
            disabled={state.busy || settings.isDefault}
            onClick={() => {
              if (window.confirm(t('resetConfirm'))) state.reset();
            }}
          >
            {t('reset')}
          </button>
        </div>
      </div>
      <OutcomeNotice outcome={state.outcome} t={t} />
      <ProblemList problems={state.problems} labels={settings.labels} t={t} />
      <div className="model-sections" key={state.revision}>
        <CompositeSection {...sectionProps} />
        <ContributionSection {...sectionProps} />
        <FactorSection {...sectionProps} score="activity" />
        <FactorSection {...sectionProps} score="channel" />
        <FactorSection {...sectionProps} score="credit" />
        <FactorSection {...sectionProps} score="loyalty" />
        <TiersSection {...sectionProps} />
        <VetoSection {...sectionProps} />
      </div>
    </div>
  );
}
