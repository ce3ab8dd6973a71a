// The two sections of the segments & rules settings: the segmentation (number of segments, seed, features, and
// what the latest run used) and the rule miner (support and confidence in per cent, maximum rule length, and what
// the latest run mined with).
import { useId, type ReactNode } from 'react';
import type { AnalysisRunSummary } from '../../../electron/api/analysisTypes.js';
import { segmentFeatureKeys } from '../../../electron/api/segmentTypes.js';
import { useI18n } from '../../app/i18n/i18n.js';
import {
  percentText,
  problemsAtPlace,
  problemText,
  runSettingsBounds as bounds,
  withFeature,
  type FieldProblem,
  type ProblemPlace,
  type RunSettingsDraft,
  type RunSettingsField,
} from './runSettingsDraft.js';
import { useSegments } from './useSegments.js';

export interface SectionProps {
  draft: RunSettingsDraft;
  problems: readonly FieldProblem[];
  onChange(next: RunSettingsDraft): void;
}

function Problems(props: { id?: string; place: ProblemPlace; problems: readonly FieldProblem[] }) {
  const { t } = useI18n();
  const own = problemsAtPlace(props.problems, props.place);
  if (own.length === 0) return null;
  return (
    <span id={props.id} className="field-error" role="alert" data-testid={`run-settings-error-${props.place}`}>
      {own.map((problem) => problemText(t, problem)).join('; ')}
    </span>
  );
}

/** A number typed as text (the draft keeps it as typed); the hint and the problems describe the input. */
function NumberField(props: {
  field: RunSettingsField;
  label: string;
  hint: string;
  value: string;
  problems: readonly FieldProblem[];
  whole?: boolean;
  onValue(text: string): void;
}) {
  const id = useId();
  const invalid = problemsAtPlace(props.problems, props.field).length > 0;
  return (
    <div className="model-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className="input model-number"
        inputMode={props.whole ? 'numeric' : 'decimal'}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
        data-testid={`run-settings-${props.field}`}
        value={props.value}
        onChange={(event) => props.onValue(event.target.value)}
      />
      <span id={`${id}-hint`} className="model-hint">
        {props.hint}
      </span>
      <Problems id={`${id}-error`} place={props.field} problems={props.problems} />
    </div>
  );
}

function Section(props: {
  title: string;
  hint: string;
  place: ProblemPlace;
  problems: readonly FieldProblem[];
  testId: string;
  children: ReactNode;
}) {
  return (
    <section className="panel model-section" data-testid={props.testId}>
      <h2>{props.title}</h2>
      <p className="model-hint">{props.hint}</p>
      <Problems place={props.place} problems={props.problems} />
      {props.children}
    </section>
  );
}

/** Suggested by the silhouette, or a whole number typed beside "a fixed number" (typing there chooses it). */
function SegmentCount(props: SectionProps) {
  const { t } = useI18n();
  const { draft } = props;
  const name = useId();
  const inputId = useId();
  const invalid = problemsAtPlace(props.problems, 'k').length > 0;
  const set = (next: Partial<RunSettingsDraft>) => props.onChange({ ...draft, ...next });
  return (
    <fieldset className="run-settings-group" data-testid="run-settings-k-group">
      <legend>{t('runSettings.k')}</legend>
      <label className="model-switch">
        <input
          type="radio"
          name={name}
          checked={draft.kMode === 'auto'}
          data-testid="run-settings-k-auto"
          onChange={() => set({ kMode: 'auto' })}
        />
        {t('runSettings.kAuto', { min: bounds.autoK.min, max: bounds.autoK.max })}
      </label>
      <div className="run-settings-k-fixed">
        <label className="model-switch">
          <input
            type="radio"
            name={name}
            checked={draft.kMode === 'fixed'}
            data-testid="run-settings-k-fixed"
            onChange={() => set({ kMode: 'fixed' })}
          />
          {t('runSettings.kFixed')}
        </label>
        <label htmlFor={inputId} className="run-settings-hidden">
          {t('runSettings.kNumber', { min: bounds.k.min, max: bounds.k.max })}
        </label>
        <input
          id={inputId}
          className="input model-number"
          inputMode="numeric"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${inputId}-error` : undefined}
          data-testid="run-settings-k"
          value={draft.k}
          onChange={(event) => set({ kMode: 'fixed', k: event.target.value })}
        />
        <span className="model-hint">
          {bounds.k.min}–{bounds.k.max}
        </span>
      </div>
      <Problems id={`${inputId}-error`} place="k" problems={props.problems} />
    </fieldset>
  );
}

function FeatureChoice(props: SectionProps) {
  const { t } = useI18n();
  const chosen = new Set(props.draft.features);
  return (
    <fieldset className="run-settings-group" data-testid="run-settings-features">
      <legend>{t('runSettings.features')}</legend>
      <span className="model-hint">{t('runSettings.featuresHint', { min: bounds.features.min })}</span>
      <div className="run-settings-features">
        {segmentFeatureKeys.map((key) => (
          <label className="model-switch" key={key}>
            <input
              type="checkbox"
              checked={chosen.has(key)}
              data-testid={`run-settings-feature-${key}`}
              onChange={(event) => props.onChange(withFeature(props.draft, key, event.target.checked))}
            />
            {t(`segments.feature.${key}`)}
          </label>
        ))}
      </div>
      <Problems place="features" problems={props.problems} />
    </fieldset>
  );
}

/** What the latest run used, read from its stored segmentation (nothing before the first run). */
function LatestRunLine(props: { runId: number | undefined }) {
  const { t, locale } = useI18n();
  const segments = useSegments(props.runId);
  if (props.runId === undefined || segments.state !== 'ready') return null;
  const used = segments.value;
  return (
    <p className="model-version" data-testid="run-settings-latest">
      {used
        ? t('runSettings.latest', {
            run: props.runId,
            k: used.k,
            auto: used.kChosen === 'auto' ? t('runSettings.latestAuto') : '',
            seed: used.seed,
            features: used.features.map((key) => t(`segments.feature.${key}`)).join(locale === 'zh' ? '、' : ', '),
          })
        : t('runSettings.latestNone', { run: props.runId })}
    </p>
  );
}

export function SegmentationSection(props: SectionProps & { latestRunId: number | undefined }) {
  const { t } = useI18n();
  return (
    <Section
      title={t('runSettings.segmentation')}
      hint={t('runSettings.segmentationHint')}
      place="segmentation"
      problems={props.problems}
      testId="run-settings-segmentation"
    >
      <LatestRunLine runId={props.latestRunId} />
      <div className="run-settings-segmentation">
        <SegmentCount {...props} />
        <NumberField
          field="seed"
          label={t('runSettings.seed')}
          hint={t('runSettings.seedHint', { max: bounds.seed.max })}
          value={props.draft.seed}
          problems={props.problems}
          whole
          onValue={(seed) => props.onChange({ ...props.draft, seed })}
        />
      </div>
      <FeatureChoice {...props} />
    </Section>
  );
}

/** The thresholds the latest run mined with (nothing before the first run). */
function LatestMiningLine(props: { run: AnalysisRunSummary | undefined }) {
  const { t } = useI18n();
  const { run } = props;
  if (run === undefined) return null;
  return (
    <p className="model-version" data-testid="run-settings-latest-mining">
      {run.mining
        ? t('runSettings.latestMining', {
            run: run.runId,
            support: percentText(run.mining.minSupport),
            confidence: percentText(run.mining.minConfidence),
            length: run.mining.maxLength,
          })
        : t('runSettings.latestMiningNone', { run: run.runId })}
    </p>
  );
}

export function MiningSection(props: SectionProps & { latestRun: AnalysisRunSummary | undefined }) {
  const { t } = useI18n();
  const field = (key: 'minSupport' | 'minConfidence') => ({
    field: key,
    value: props.draft[key],
    problems: props.problems,
    onValue: (text: string) => props.onChange({ ...props.draft, [key]: text }),
  });
  return (
    <Section
      title={t('runSettings.mining')}
      hint={t('runSettings.miningHint')}
      place="mining"
      problems={props.problems}
      testId="run-settings-mining"
    >
      <LatestMiningLine run={props.latestRun} />
      <div className="model-grid">
        <NumberField
          {...field('minSupport')}
          label={t('runSettings.minSupport')}
          hint={t('runSettings.minSupportHint')}
        />
        <NumberField
          {...field('minConfidence')}
          label={t('runSettings.minConfidence')}
          hint={t('runSettings.minConfidenceHint')}
        />
        <NumberField
          field="maxLength"
          label={t('runSettings.maxLength')}
          hint={t('runSettings.maxLengthHint', { min: bounds.maxLength.min, max: bounds.maxLength.max })}
          value={props.draft.maxLength}
          problems={props.problems}
          whole
          onValue={(maxLength) => props.onChange({ ...props.draft, maxLength })}
        />
      </div>
    </Section>
  );
}
