import * as React from 'react';

import { causeTitle } from '../labels';
import { Taxonomy } from '../taxonomy';
import { Dimension, IDiagnosis } from '../types';

/** The element and class a title is shown in (a card's badge, a panel's <dd>). */
interface ITitleElementProps {
  as?: 'span' | 'dd';
  className: string;
  /** Prefix of the tooltip, e.g. "Pipeline stage: ". */
  tooltipPrefix?: string;
}

/** The title of a label id, its description as the tooltip (the id until titles load). */
export function LabelTitle(
  props: ITitleElementProps & {
    dimension: Dimension;
    id: string;
    taxonomy: Taxonomy;
  }
): JSX.Element {
  const { as: Tag = 'span', dimension, id, taxonomy } = props;
  const title = taxonomy.title(dimension, id);
  const description = taxonomy.description(dimension, id);
  return (
    <Tag
      className={props.className}
      title={
        props.tooltipPrefix !== undefined
          ? `${props.tooltipPrefix}${description || title}`
          : description
      }
    >
      {title}
    </Tag>
  );
}

/**
 * The cause of a crash, the same words on the card and in the panel: the notebook cause
 * with its root cause in brackets, else the root cause. The tooltip describes both.
 */
export function CauseTitle(
  props: ITitleElementProps & {
    diagnosis: Pick<IDiagnosis, 'root_cause' | 'notebook_cause'>;
    taxonomy: Taxonomy;
  }
): JSX.Element {
  const { as: Tag = 'span', diagnosis: d, taxonomy } = props;
  return (
    <Tag className={props.className} title={causeTooltip(d, taxonomy)}>
      {causeTitle(d, (dim, id) => taxonomy.title(dim, id))}
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
