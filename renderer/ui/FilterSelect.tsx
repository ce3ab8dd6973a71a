// A labelled drop-down for a filter bar: the label beside it, an "all" choice that is the empty value,
// then the choices, optionally in groups.
export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

export interface SelectGroup<V extends string> {
  group: string;
  options: readonly SelectOption<V>[];
}

export function FilterSelect<V extends string>(props: {
  label: string;
  testId: string;
  /** The text of the empty value, which sets no filter. */
  allLabel: string;
  value: V | '';
  options: readonly (SelectOption<V> | SelectGroup<V>)[];
  onChange(value: V | ''): void;
  className?: string;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select
        className={props.className ? `input ${props.className}` : 'input'}
        data-testid={props.testId}
        value={props.value}
        // The select offers only '' and the values of `options`, so what it reports is one of them.
        onChange={(event) => props.onChange(event.target.value as V | '')}
      >
        <option value="">{props.allLabel}</option>
        {props.options.map((entry) =>
          'group' in entry ? (
            <optgroup key={`group:${entry.group}`} label={entry.group}>
              {entry.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ) : (
            <option key={entry.value} value={entry.value}>
              {entry.label}
            </option>
          ),
        )}
      </select>
    </label>
  );
}
