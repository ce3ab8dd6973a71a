// The sections of the model settings screen: composite weights, contribution margins, each weighted score's
// factors (weight, breakpoints, degree when unknown), tier thresholds and veto rules.
import type { ReactNode } from 'react';
import type { AnalysisScoreKey, Label } from '../../../electron/api/analysisTypes.js';
import type {
  FactorParameters,
  ModelProblem,
  ScoringModelLabels,
  ScoringModelParameters,
  VetoRuleKey,
} from '../../../electron/api/scoringModelTypes.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { BreakpointField, FieldProblems, NumberField, SwitchField, type FieldProps } from './ModelSettingsFields.js';
import { useModelText, type ModelTextKey } from './modelSettingsText.js';

export interface SectionProps {
  model: ScoringModelParameters;
  labels: ScoringModelLabels;
  problems: readonly ModelProblem[];
  onChange(path: string, value: unknown): void;
}

function useLabel(): (label: Label) => string {
  const { locale } = useI18n();
  return (label) => label[locale];
}

function Section(props: {
  title: string;
  hint?: string;
  path: string;
  problems: readonly ModelProblem[];
  testId: string;
  children: ReactNode;
}) {
  // Problems of the section as a whole (a rule across its fields) have exactly its path.
  const own = props.problems.filter((p) => p.path === props.path);
  return (
    <section className="panel model-section" data-testid={props.testId}>
      <h2>{props.title}</h2>
      {props.hint && <p className="model-hint">{props.hint}</p>}
      <FieldProblems problems={own} />
      {props.children}
    </section>
  );
}

export function CompositeSection(props: SectionProps) {
  const t = useModelText();
  const label = useLabel();
  const weights = props.model.composite.weights;
  const path = 'composite.weights';
  return (
    <Section
      title={t('section.composite')}
      hint={t('section.compositeHint')}
      path={path}
      problems={props.problems}
      testId="model-composite"
    >
      <div className="model-grid">
        {(Object.keys(weights) as AnalysisScoreKey[]).map((key) => (
          <NumberField
            key={key}
            path={`${path}.${key}`}
            label={label(props.labels.scores[key])}
            value={weights[key]}
            problems={props.problems}
            onChange={props.onChange}
          />
        ))}
      </div>
    </Section>
  );
}

const margins = ['depositMarginRate', 'loanMarginRate', 'wealthFeeRate', 'feeIncomeWeight'] as const;

export function ContributionSection(props: SectionProps) {
  const t = useModelText();
  const c = props.model.contribution;
  return (
    <Section
      title={t('section.contribution')}
      path="contribution"
      problems={props.problems}
      testId="model-contribution"
    >
      <div className="model-grid">
        {margins.map((key) => (
          <NumberField
            key={key}
            path={`contribution.${key}`}
            label={t(`contribution.${key}`)}
            value={c[key]}
            scale={key === 'feeIncomeWeight' ? 1 : 100}
            problems={props.problems}
            onChange={props.onChange}
          />
        ))}
      </div>
    </Section>
  );
}

type WeightedScore = Exclude<AnalysisScoreKey, 'contribution'>;

function factorsOf(model: ScoringModelParameters, score: WeightedScore): Record<string, FactorParameters> {
  return model[score].factors;
}

export function FactorSection(props: SectionProps & { score: WeightedScore }) {
  const t = useModelText();
  const label = useLabel();
  const factors = factorsOf(props.model, props.score);
  const total = Object.values(factors).reduce((sum, f) => sum + (Number.isFinite(f.weight) ? f.weight : 0), 0);
  const base = `${props.score}.factors`;
  const field = (path: string): Pick<FieldProps, 'problems' | 'onChange'> & { path: string } => ({
    path,
    problems: props.problems,
    onChange: props.onChange,
  });
  return (
    <Section
      title={t('section.factors', { score: label(props.labels.scores[props.score]) })}
      hint={t('section.factorsHint')}
      path={base}
      problems={props.problems}
      testId={`model-factors-${props.score}`}
    >
      {props.labels.factors[props.score].map((entry) => {
        const params = factors[entry.key];
        if (!params) return null;
        const path = `${base}.${entry.key}`;
        const maxPoints = total > 0 && Number.isFinite(params.weight) ? (100 * params.weight) / total : 0;
        return (
          <div className="model-factor" key={entry.key} data-testid={`model-factor-${props.score}-${entry.key}`}>
            <h3>
              {label(entry.label)} <code>{entry.key}</code>
            </h3>
            <div className="model-factor-body">
              <NumberField
                {...field(`${path}.weight`)}
                label={t('weight')}
                value={params.weight}
                hint={t('maxPoints', { points: maxPoints.toFixed(1) })}
              />
              <NumberField {...field(`${path}.ifMissing`)} label={t('ifMissing')} value={params.ifMissing} />
              <BreakpointField {...field(`${path}.points`)} value={params.points} />
            </div>
            <FieldProblems problems={props.problems.filter((p) => p.path === path)} />
          </div>
        );
      })}
    </Section>
  );
}

const tierFields = ['vipMinComposite', 'keyMinComposite', 'potentialMinActivity', 'potentialMinChannel'] as const;

export function TiersSection(props: SectionProps) {
  const t = useModelText();
  return (
    <Section title={t('section.tiers')} path="tiers" problems={props.problems} testId="model-tiers">
      <div className="model-grid">
        {tierFields.map((key) => (
          <NumberField
            key={key}
            path={`tiers.${key}`}
            label={t(`tiers.${key}`)}
            value={props.model.tiers[key]}
            problems={props.problems}
            onChange={props.onChange}
          />
        ))}
      </div>
    </Section>
  );
}

/** The one threshold of each veto rule that has one, and how the screen shows it (overdue fen as yuan). */
const vetoThresholds: Partial<Record<VetoRuleKey, { key: string; text: ModelTextKey; scale?: number }>> = {
  currentOverdue: { key: 'minOverdueFen', text: 'veto.minOverdueFen', scale: 0.01 },
  frozenAccount: { key: 'minFrozenAccounts', text: 'veto.minFrozenAccounts' },
  dormant: { key: 'inactiveMonths', text: 'veto.inactiveMonths' },
  recentComplaint: { key: 'withinDays', text: 'veto.withinDays' },
  underAge: { key: 'minAge', text: 'veto.minAge' },
};

export function VetoSection(props: SectionProps) {
  const t = useModelText();
  const label = useLabel();
  const vetoes = props.model.vetoes as Record<VetoRuleKey, { enabled: boolean } & Record<string, number | boolean>>;
  return (
    <Section title={t('section.vetoes')} path="vetoes" problems={props.problems} testId="model-vetoes">
      <ul className="model-vetoes">
        {(Object.keys(vetoes) as VetoRuleKey[]).map((rule) => {
          const threshold = vetoThresholds[rule];
          const value = threshold ? vetoes[rule][threshold.key] : undefined;
          return (
            <li key={rule}>
              <span className="model-veto-name">{label(props.labels.vetoes[rule])}</span>
              <SwitchField
                path={`vetoes.${rule}.enabled`}
                label={t('veto.enabled')}
                value={vetoes[rule].enabled}
                problems={props.problems}
                onChange={props.onChange}
              />
              {threshold && typeof value === 'number' && (
                <NumberField
                  path={`vetoes.${rule}.${threshold.key}`}
                  label={t(threshold.text)}
                  value={value}
                  scale={threshold.scale}
                  problems={props.problems}
                  onChange={props.onChange}
                />
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
