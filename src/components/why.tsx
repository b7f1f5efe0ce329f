import * as React from 'react';

import { ICrashEntry } from '../crashlog';
import { readableEvidence } from '../evidence';
import { confidenceRows, percent } from '../labels';
import { Taxonomy } from '../taxonomy';
import { Dimension, IDiagnosis, RankedDimension } from '../types';
import { alternativesOf, RANKED } from '../uncertainty';
import { CopyMarkdownButton } from './actions';
import { TextWithCode } from './textwithcode';

/**
 * How sure the diagnosis is of each dimension: a bar per label the server ranked (the
 * chosen one first, then the runners-up), so a close call shows as two bars of about the
 * same length. The shares are those of the headline's "not sure (55% / 26%)". A runner-up
 * that rounds to 0% is left out (a bar of nothing says nothing). A dimension without ranked
 * labels has its chosen label's bar alone.
 */
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
    <>
      <div className="jp-nbcrash-card-why-title">How sure</div>
      <dl className="jp-nbcrash-confidence">
        {rows.map(row => {
          const id = (d as unknown as { [key: string]: unknown })[
            row.dimension
          ];
          const ranked = RANKED.includes(row.dimension as RankedDimension)
            ? alternativesOf(d, row.dimension as RankedDimension).filter(
                (a, i) => i === 0 || Math.round(a.p * 100) > 0
              )
            : [];
          const bars =
            ranked.length > 0
              ? ranked
              : [{ id: typeof id === 'string' ? id : '', p: row.value }];
          return (
            <React.Fragment key={row.dimension}>
              <dt>{row.name}</dt>
              <dd data-dimension={row.dimension}>
                {bars.map((bar, i) => (
                  <ConfidenceBar
                    key={bar.id || i}
                    title={
                      bar.id
                        ? taxonomy.title(row.dimension as Dimension, bar.id)
                        : ''
                    }
                    value={i === 0 ? row.value : bar.p}
                    chosen={i === 0}
                    label={
                      i === 0
                        ? `Confidence in the ${row.name.toLowerCase()}`
                        : `Probability of the ${row.name.toLowerCase()} being ${bar.id ? taxonomy.title(row.dimension as Dimension, bar.id) : 'another label'}`
                    }
                  />
                ))}
              </dd>
            </React.Fragment>
          );
        })}
      </dl>
    </>
  );
}

/** One label's title, a bar as long as its probability, and the percentage. */
function ConfidenceBar(props: {
  title: string;
  value: number;
  chosen: boolean;
  label: string;
}): JSX.Element {
  const value = percent(props.value);
  return (
    <span
      className={
        'jp-nbcrash-confidence-row' +
        (props.chosen ? '' : ' jp-nbcrash-confidence-alt')
      }
    >
      <span className="jp-nbcrash-confidence-label">{props.title}</span>
      <span
        className="jp-nbcrash-confidence-bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(props.value * 100)}
        aria-label={props.label}
      >
        <span className="jp-nbcrash-confidence-fill" style={{ width: value }} />
      </span>
      <span className="jp-nbcrash-confidence-value">{value}</span>
    </span>
  );
}

/**
 * The evidence the diagnosis rests on, one item per line, as a user reads it: without the
 * model's raw scores, which the bars above show as shares (`evidence.ts`).
 */
export function EvidenceList(props: {
  evidence: readonly string[];
}): JSX.Element {
  const evidence = readableEvidence(props.evidence);
  if (!evidence.length) {
    return (
      <p className="jp-nbcrash-card-noevidence">No evidence was recorded.</p>
    );
  }
  return (
    <>
      <div className="jp-nbcrash-card-why-title">Evidence</div>
      <ul className="jp-nbcrash-evidence">
        {evidence.map((line, i) => (
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
