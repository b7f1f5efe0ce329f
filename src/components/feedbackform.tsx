import * as React from 'react';

import { ChosenLabels, CORRECTABLE } from '../feedback';
import { DIMENSION_NAMES, percent } from '../labels';
import { Taxonomy } from '../taxonomy';
import {
  Dimension,
  IDiagnosis,
  ITaxonomyEntry,
  RankedDimension
} from '../types';
import {
  alternativesOf,
  lowerFirst,
  quickCorrections,
  RANKED
} from '../uncertainty';

/** An alternative below this share is not offered as a one-click correction. */
const QUICK_MIN_SHARE = 0.05;

/**
 * "Wrong…": first the labels the diagnosis ranked next, each a one-click correction ("It
 * was: data confusion"), the dimensions it is not sure of first; then one select per label,
 * set to the diagnosis's, its ranked labels listed first; the user changes the wrong ones.
 * The choices are the taxonomy's titles (a dimension without any is left out).
 */
export function FeedbackForm(props: {
  diagnosis: IDiagnosis;
  taxonomy: Taxonomy;
  /** Prefix of the selects' ids (unique per card). */
  idPrefix: string;
  /** The confidence setting (0..1): the dimensions less sure than this are offered first. */
  threshold: number;
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
  const quick = quickCorrections(d, props.threshold).filter(
    q => q.p >= QUICK_MIN_SHARE && dimensions.includes(q.dimension)
  );
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
      {quick.length > 0 && (
        <div
          className="jp-nbcrash-feedback-quick"
          role="group"
          aria-label="The likeliest other labels"
        >
          {groupByDimension(quick).map(([dim, alts]) => (
            <div key={dim} className="jp-nbcrash-feedback-quick-row">
              <span className="jp-nbcrash-feedback-quick-dim">
                {DIMENSION_NAMES[dim]}
              </span>
              <span className="jp-nbcrash-feedback-quick-alts">
                {alts.map(q => {
                  const title = taxonomy.title(dim, q.id);
                  return (
                    <button
                      key={q.id}
                      type="button"
                      className="jp-nbcrash-button jp-nbcrash-feedback-alt"
                      data-dimension={dim}
                      data-label={q.id}
                      title={`${DIMENSION_NAMES[dim]}: ${title} (${percent(q.p)} likely). One click sends the correction.`}
                      onClick={() => props.onSubmit({ [dim]: q.id })}
                    >
                      It was: {lowerFirst(title)}
                    </button>
                  );
                })}
              </span>
            </div>
          ))}
        </div>
      )}
      <p className="jp-nbcrash-feedback-help">
        {quick.length > 0 ? 'Or pick' : 'Pick'} the right label(s); leave the
        others as they are.
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
              <LabelOptions
                entries={taxonomy.entries(dim)}
                ranked={rankedIds(d, dim)}
              />
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

/** The ids the diagnosis ranked for a dimension, likeliest first (none for the others). */
function rankedIds(d: IDiagnosis, dim: Dimension): string[] {
  return RANKED.includes(dim as RankedDimension)
    ? alternativesOf(d, dim as RankedDimension).map(a => a.id)
    : [];
}

/** A select's options: the ranked labels first ("Likeliest"), then the others. */
function LabelOptions(props: {
  entries: readonly ITaxonomyEntry[];
  ranked: readonly string[];
}): JSX.Element {
  const option = (entry: ITaxonomyEntry) => (
    <option key={entry.id} value={entry.id} title={entry.description}>
      {entry.title}
    </option>
  );
  const byId = new Map(props.entries.map(e => [e.id, e]));
  const first = props.ranked
    .map(id => byId.get(id))
    .filter((e): e is ITaxonomyEntry => !!e);
  if (first.length < 2) {
    return <>{props.entries.map(option)}</>;
  }
  const rest = props.entries.filter(e => !props.ranked.includes(e.id));
  return (
    <>
      <optgroup label="Likeliest">{first.map(option)}</optgroup>
      <optgroup label="Other labels">{rest.map(option)}</optgroup>
    </>
  );
}

/** The one-click corrections by dimension, in the order they came. */
function groupByDimension<T extends { dimension: RankedDimension }>(
  items: readonly T[]
): [RankedDimension, T[]][] {
  const groups = new Map<RankedDimension, T[]>();
  for (const item of items) {
    groups.set(item.dimension, [...(groups.get(item.dimension) ?? []), item]);
  }
  return [...groups.entries()];
}
