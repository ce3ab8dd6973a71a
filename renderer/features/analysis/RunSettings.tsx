// The segments & rules settings (分群与关联规则): how the next analysis run segments the customers (k or the
// silhouette's suggestion, seed, features) and the rule miner's thresholds. Checked in the form, then by the service,
// with each problem beside its field; saved settings apply from the next run.
import type { FormEvent } from 'react';
import { useI18n, type Translate } from '../../app/i18n/i18n.js';
import type { AnalysisTabProps } from './analysisTab.js';
import { editedParts, draftOf } from './runSettingsDraft.js';
import { MiningSection, SegmentationSection } from './RunSettingsSections.js';
import { useRunSettings, type RunSettingsOutcome } from './useRunSettings.js';
import './modelSettings.css';
import './runSettings.css';

function OutcomeNotice(props: { outcome: RunSettingsOutcome; t: Translate }) {
  const { outcome, t } = props;
  switch (outcome.kind) {
    case 'none':
      return null;
    case 'saved':
    case 'reset':
      return (
        <div className="notice notice-info" role="status" data-testid="run-settings-saved">
          {t(outcome.kind === 'saved' ? 'runSettings.saved' : 'runSettings.resetDone')}
        </div>
      );
    case 'refused':
    case 'failed':
      return (
        <div className="notice notice-error" role="alert" data-testid="run-settings-refused">
          {outcome.kind === 'refused' ? t('runSettings.notSaved', { count: outcome.count }) : outcome.message}
          {outcome.segmentationSaved ? ` ${t('runSettings.segmentationKept')}` : ''}
        </div>
      );
  }
}

export function RunSettings(props: AnalysisTabProps) {
  const { t } = useI18n();
  const state = useRunSettings();
  const { saved, draft } = state;
  const resetButton = (
    <button
      type="button"
      className="button button-quiet"
      data-testid="run-settings-reset"
      disabled={state.busy}
      onClick={() => {
        if (window.confirm(t('runSettings.resetConfirm'))) state.reset();
      }}
    >
      {t('runSettings.reset')}
    </button>
  );
  if (state.loadError) {
    // A saved value this version can no longer read: going back to the defaults is the way out.
    return (
      <div className="notice notice-error" role="alert" data-testid="run-settings-load-error">
        {state.loadError}
        {resetButton}
      </div>
    );
  }
  if (!saved || !draft) return <p className="model-hint">{t('runSettings.loading')}</p>;
  const parts = editedParts(draft, draftOf(saved.segmentation, saved.mining));
  const edited = parts.segmentation || parts.mining;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (edited && !state.busy) state.save();
  };
  const sectionProps = { draft, problems: state.problems, onChange: state.change };
  return (
    <form className="model-settings" data-testid="run-settings" noValidate onSubmit={submit}>
      <div className="model-header">
        <div>
          <h2>{t('runSettings.title')}</h2>
          <p className="model-hint">{t('runSettings.intro')}</p>
          <p className="model-version" data-testid="run-settings-next-run">
            {t('runSettings.nextRun')}
          </p>
        </div>
        <div className="model-actions">
          {edited && <span className="model-edited">{t('runSettings.edited')}</span>}
          <button
            type="submit"
            className="button button-primary"
            data-testid="run-settings-save"
            disabled={state.busy || !edited}
          >
            {state.busy ? t('runSettings.saving') : t('runSettings.save')}
          </button>
          <button type="button" className="button" disabled={state.busy || !edited} onClick={state.discard}>
            {t('runSettings.discard')}
          </button>
          {resetButton}
        </div>
      </div>
      <OutcomeNotice outcome={state.outcome} t={t} />
      <div className="model-sections">
        <SegmentationSection {...sectionProps} latestRunId={props.runs[0]?.runId} />
        <MiningSection {...sectionProps} latestRun={props.runs[0]} />
      </div>
    </form>
  );
}
