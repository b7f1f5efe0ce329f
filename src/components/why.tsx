import * as React from 'react';

import { ICrashEntry } from '../crashlog';
import { confidenceRows, percent } from '../labels';
import { Taxonomy } from '../taxonomy';
import { Dimension, IDiagnosis } from '../types';
import { CopyMarkdownButton } from './actions';
import { TextWithCode } from './textwithcode';

/** Each label of a diagnosis with how sure the diagnosis is of it, as a bar. */
export function ConfidenceTable(props: {
  diagnosis: IDiagnosis;
  taxonomy: Taxonomy;
}): JSX.Element | null {
  const { diagnosis: d, taxonomy } = props;
  const rows = confidenceRows(d.confidence);
  if (!rows.length) {
    return null;
  }
  return (
    <dl className="jp-nbcrash-confidence">
      {rows.map(row => {
        const id = (d as unknown as { [key: string]: unknown })[row.dimension];
        const title =
          typeof id === 'string'
            ? taxonomy.title(row.dimension as Dimension, id)
            : '';
        const value = percent(row.value);
        return (
          <React.Fragment key={row.dimension}>
            <dt>{row.name}</dt>
            <dd>
              <span className="jp-nbcrash-confidence-label">{title}</span>
              <span
                className="jp-nbcrash-confidence-bar"
                role="meter"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(row.value * 100)}
                aria-label={`Confidence in the ${row.name.toLowerCase()}`}
              >
                <span
                  className="jp-nbcrash-confidence-fill"
                  style={{ width: value }}
                />
              </span>
              <span className="jp-nbcrash-confidence-value">{value}</span>
            </dd>
          </React.Fragment>
        );
      })}
    </dl>
  );
}

/** The evidence the diagnosis rests on, one item per line. */
export function EvidenceList(props: {
  evidence: readonly string[];
}): JSX.Element {
  if (!props.evidence.length) {
    return (
      <p className="jp-nbcrash-card-noevidence">No evidence was recorded.</p>
    );
  }
  return (
    <>
      <div className="jp-nbcrash-card-why-title">Evidence</div>
      <ul className="jp-nbcrash-evidence">
        {props.evidence.map((line, i) => (
          <li key={i}>
            <TextWithCode text={line} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** "Why?": how sure each label is, the evidence, and "Copy as Markdown". */
export function WhyDetails(props: {
  id: string;
  hidden: boolean;
  entry: ICrashEntry;
  diagnosis: IDiagnosis;
  taxonomy: Taxonomy;
  onCopy?: (entry: ICrashEntry) => void;
}): JSX.Element {
  return (
    <div
      id={props.id}
      className="jp-nbcrash-card-why"
      role="group"
      aria-label="Why this diagnosis"
      hidden={props.hidden}
    >
      <ConfidenceTable diagnosis={props.diagnosis} taxonomy={props.taxonomy} />
      <EvidenceList evidence={props.diagnosis.evidence} />
      {props.onCopy && (
        <CopyMarkdownButton
          entry={props.entry}
          onCopy={props.onCopy}
          className="jp-nbcrash-button jp-nbcrash-card-copy"
        />
      )}
    </div>
  );
}
