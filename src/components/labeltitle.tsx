import * as React from 'react';

import { causeTitle, percent } from '../labels';
import { Taxonomy } from '../taxonomy';
import { Dimension, IDiagnosis, RankedDimension } from '../types';
import { ISureness, RANKED, sureness, surenessText } from '../uncertainty';

/** The element and class a title is shown in (a card's badge, a panel's <dd>). */
interface ITitleElementProps {
  as?: 'span' | 'dd';
  className: string;
  /** Prefix of the tooltip, e.g. "Pipeline stage: ". */
  tooltipPrefix?: string;
  /**
   * The confidence at which a label is shown as a fact (0..1); below it the title is
   * "A or b — not sure (48% / 31%)". Without it, or without a diagnosis, always the title.
   */
  threshold?: number;
}

/** The sureness of a ranked dimension, or null when the title is to be shown plainly. */
function surenessOf(
  d: Pick<IDiagnosis, 'root_cause' | 'confidence' | 'alternatives'> | undefined,
  dimension: Dimension,
  threshold: number | undefined
): ISureness | null {
  if (!d || threshold === undefined) {
    return null;
  }
  if (!RANKED.includes(dimension as RankedDimension)) {
    return null;
  }
  const s = sureness(d as IDiagnosis, dimension as RankedDimension, threshold);
  return s.sure ? null : s;
}

/** The tooltip's last sentence for a label that is not sure. */
function unsureTooltip(s: ISureness, threshold: number): string {
  return (
    ` Not sure: ${percent(s.chosen.p)} likely, below your ${percent(threshold)} to state it;` +
    ` the runner-up has ${percent(s.second!.p)}.`
  );
}

/** The title of a label id, its description as the tooltip (the id until titles load). */
export function LabelTitle(
  props: ITitleElementProps & {
    dimension: Dimension;
    id: string;
    taxonomy: Taxonomy;
    /** The diagnosis the label is of: its alternatives say how sure it is. */
    diagnosis?: IDiagnosis;
  }
): JSX.Element {
  const { as: Tag = 'span', dimension, id, taxonomy } = props;
  const title = taxonomy.title(dimension, id);
  const description = taxonomy.description(dimension, id);
  const unsure = surenessOf(props.diagnosis, dimension, props.threshold);
  const tooltip =
    props.tooltipPrefix !== undefined
      ? `${props.tooltipPrefix}${description || title}`
      : description;
  return (
    <Tag
      className={props.className + (unsure ? ' jp-nbcrash-unsure' : '')}
      title={
        unsure ? tooltip + unsureTooltip(unsure, props.threshold!) : tooltip
      }
    >
      {unsure
        ? surenessText(unsure, (dim, label) => taxonomy.title(dim, label))
        : title}
    </Tag>
  );
}

/**
 * The cause of a crash, the same words on the card and in the panel: the notebook cause
 * with its root cause in brackets, else the root cause. The tooltip describes both.
 */
export function CauseTitle(
  props: ITitleElementProps & {
    diagnosis: Pick<IDiagnosis, 'root_cause' | 'notebook_cause'> &
      Partial<Pick<IDiagnosis, 'confidence' | 'alternatives'>>;
    taxonomy: Taxonomy;
  }
): JSX.Element {
  const { as: Tag = 'span', diagnosis: d, taxonomy } = props;
  const titleOf = (dim: Dimension, id: string) => taxonomy.title(dim, id);
  const title = causeTitle(d, titleOf);
  const unsure = surenessOf(d as IDiagnosis, 'root_cause', props.threshold);
  const tooltip = causeTooltip(d, taxonomy);
  return (
    <Tag
      className={props.className + (unsure ? ' jp-nbcrash-unsure' : '')}
      title={
        unsure ? tooltip + unsureTooltip(unsure, props.threshold!) : tooltip
      }
    >
      {unsure ? surenessText(unsure, titleOf, title) : title}
    </Tag>
  );
}

/** "Out-of-order execution: <description>. Root cause: Notebook execution. <description>" */
function causeTooltip(
  d: Pick<IDiagnosis, 'root_cause' | 'notebook_cause'>,
  taxonomy: Taxonomy
): string {
  const parts: string[] = [];
  if (d.notebook_cause) {
    const description = taxonomy.description(
      'notebook_cause',
      d.notebook_cause
    );
    parts.push(
      `${taxonomy.title('notebook_cause', d.notebook_cause)}${description ? `: ${description}` : '.'}`
    );
  }
  parts.push(
    `Root cause: ${taxonomy.title('root_cause', d.root_cause)}. ${taxonomy.description('root_cause', d.root_cause)}`.trim()
  );
  return parts.join(' ');
}
