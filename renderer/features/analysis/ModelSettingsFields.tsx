// The inputs of the model settings screen: a number (its text kept as typed, so "0." survives a keystroke), a
// switch, and a breakpoint list, each with the problems the service reported at its path.
import { useId, useState } from 'react';
import type { BreakpointList, ModelProblem } from '../../../electron/api/scoringModelTypes.js';
import { problemsAt, shown, stored } from './modelDraft.js';
import { problemText, useModelText } from './modelSettingsText.js';

export interface FieldProps {
  path: string;
  problems: readonly ModelProblem[];
  onChange(path: string, value: unknown): void;
}

export function FieldProblems(props: { problems: readonly ModelProblem[] }) {
  const t = useModelText();
  if (props.problems.length === 0) return null;
  return (
    <span className="field-error" role="alert">
      {props.problems.map((p) => problemText(t, p)).join('; ')}
    </span>
  );
}

/** Typed text of a number; remounted (by key) when the draft is replaced, so it starts from the value again. */
function NumberInput(props: {
  id?: string;
  value: number;
  scale?: number;
  label: string;
  invalid: boolean;
  testId: string;
  onValue(value: number): void;
}) {
  const [text, setText] = useState(() => shown(props.value, props.scale));
  return (
    <input
      id={props.id}
      className="input model-number"
      inputMode="decimal"
      aria-label={props.label}
      aria-invalid={props.invalid || undefined}
      data-testid={props.testId}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        props.onValue(stored(event.target.value, props.scale));
      }}
    />
  );
}

export function NumberField(props: FieldProps & { label: string; value: number; scale?: number; hint?: string }) {
  const id = useId();
  const problems = problemsAt(props.problems, props.path);
  return (
    <div className="model-field">
      <label htmlFor={id}>{props.label}</label>
      <NumberInput
        id={id}
        value={props.value}
        scale={props.scale}
        label={props.label}
        invalid={problems.length > 0}
        testId={`model-${props.path}`}
        onValue={(value) => props.onChange(props.path, value)}
      />
      {props.hint && <span className="model-hint">{props.hint}</span>}
      <FieldProblems problems={problems} />
    </div>
  );
}

export function SwitchField(props: FieldProps & { label: string; value: boolean }) {
  return (
    <label className="model-switch">
      <input
        type="checkbox"
        checked={props.value}
        data-testid={`model-${props.path}`}
        onChange={(event) => props.onChange(props.path, event.target.checked)}
      />
      {props.label}
    </label>
  );
}

/** Value → degree pairs as rows; a row can be added after the last or removed (one must stay). */
export function BreakpointField(props: FieldProps & { value: BreakpointList }) {
  const t = useModelText();
  const points = props.value;
  const problems = problemsAt(props.problems, props.path);
  // Rows are keyed by position and remounted when one is removed, so no row keeps another's typed text.
  const [generation, setGeneration] = useState(0);
  const set = (next: BreakpointList) => props.onChange(props.path, next);
  const setPart = (row: number, part: 0 | 1, value: number) =>
    set(points.map((point, k) => (k === row ? (part === 0 ? [value, point[1]] : [point[0], value]) : point)));
  return (
    <div className="model-points" data-testid={`model-${props.path}`}>
      <span className="model-points-title">{t('points')}</span>
      <ol>
        {points.map((point, row) => (
          <li key={`${generation}-${row}`}>
            <NumberInput
              value={point[0]}
              label={`${t('value')} ${row + 1}`}
              invalid={problemsAt(props.problems, `${props.path}.${row}.0`).length > 0}
              testId={`model-${props.path}.${row}.0`}
              onValue={(value) => setPart(row, 0, value)}
            />
            <span aria-hidden="true">→</span>
            <NumberInput
              value={point[1]}
              label={`${t('degree')} ${row + 1}`}
              invalid={problemsAt(props.problems, `${props.path}.${row}.1`).length > 0}
              testId={`model-${props.path}.${row}.1`}
              onValue={(value) => setPart(row, 1, value)}
            />
            <button
              type="button"
              className="button button-quiet"
              aria-label={t('removePoint')}
              title={t('removePoint')}
              disabled={points.length === 1}
              onClick={() => {
                setGeneration((g) => g + 1);
                set(points.filter((_, k) => k !== row));
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-quiet"
        data-testid={`model-${props.path}-add`}
        onClick={() => {
          const last = points.at(-1) ?? [0, 0];
          set([...points, [last[0] + 1, last[1]]]);
        }}
      >
        + {t('addPoint')}
      </button>
      <FieldProblems problems={problems} />
    </div>
  );
}
