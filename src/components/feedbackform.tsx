import * as React from 'react';

import { ChosenLabels, CORRECTABLE } from '../feedback';
import { DIMENSION_NAMES } from '../labels';
import { Taxonomy } from '../taxonomy';
import { IDiagnosis } from '../types';

/**
 * "Wrong…": one select per label, set to the diagnosis's; the user changes the wrong ones.
 * The choices are the taxonomy's titles (a dimension without any is left out).
 */
export function FeedbackForm(props: {
  diagnosis: IDiagnosis;
  taxonomy: Taxonomy;
  /** Prefix of the selects' ids (unique per card). */
  idPrefix: string;
  /** What the form asks of the user ('' for nothing). */
  message: string;
  onSubmit: (chosen: ChosenLabels) => void;
  onCancel: () => void;
}): JSX.Element {
  const { diagnosis: d, taxonomy } = props;
  const [chosen, setChosen] = React.useState<ChosenLabels>(() => {
    const initial: ChosenLabels = {};
    for (const dim of CORRECTABLE) {
      initial[dim] = d[dim] ?? '';
    }
    return initial;
  });
  const firstSelect = React.useRef<HTMLSelectElement>(null);
  React.useEffect(() => firstSelect.current?.focus(), []);

  const dimensions = CORRECTABLE.filter(dim => taxonomy.entries(dim).length);
  return (
    <form
      className="jp-nbcrash-feedback-form"
      aria-label="Correct the diagnosis"
      onSubmit={event => {
        event.preventDefault();
        const shown: ChosenLabels = {};
        for (const dim of dimensions) {
          shown[dim] = chosen[dim];
        }
        props.onSubmit(shown);
      }}
    >
      <p className="jp-nbcrash-feedback-help">
        Pick the right label(s); leave the others as they are.
      </p>
      {dimensions.map((dim, i) => {
        const id = `${props.idPrefix}-${dim}`;
        return (
          <React.Fragment key={dim}>
            <label className="jp-nbcrash-feedback-label" htmlFor={id}>
              {DIMENSION_NAMES[dim]}
            </label>
            <select
              ref={i === 0 ? firstSelect : undefined}
              id={id}
              name={dim}
              className="jp-nbcrash-feedback-select"
              value={chosen[dim] ?? ''}
              onChange={event =>
                setChosen({ ...chosen, [dim]: event.target.value })
              }
            >
              {dim === 'notebook_cause' && <option value="">— none —</option>}
              {taxonomy.entries(dim).map(entry => (
                <option
                  key={entry.id}
                  value={entry.id}
                  title={entry.description}
                >
                  {entry.title}
                </option>
              ))}
            </select>
          </React.Fragment>
        );
      })}
      <div className="jp-nbcrash-feedback-buttons">
        <button
          type="submit"
          className="jp-nbcrash-button jp-nbcrash-feedback-send jp-mod-accept"
        >
          Send correction
        </button>
        <button
          type="button"
          className="jp-nbcrash-button jp-nbcrash-feedback-cancel"
          title="Close without sending"
          onClick={props.onCancel}
        >
          Cancel
        </button>
      </div>
      <p className="jp-nbcrash-feedback-error" role="alert">
        {props.message}
      </p>
    </form>
  );
}
