import { readableEvidence } from './evidence';
import { causeTitle, firstLine, TitleOf } from './labels';
import { IDiagnosis } from './types';
import { labelText } from './uncertainty';

/** Lines of the traceback's end put into the Markdown (the raise site and the error). */
export const TRACEBACK_TAIL_LINES = 20;

/** What a Markdown export describes. */
export interface IMarkdownSource {
  ename: string;
  evalue: string;
  notebookPath: string;
  /** e.g. "cell 4 [7]" */
  cellLabel: string;
  diagnosis: IDiagnosis;
  /** The kernel's traceback lines (may hold ANSI colours); empty when not at hand. */
  traceback: readonly string[];
}

/** Remove the ANSI colour codes kernels put into tracebacks. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');
}

/** The last `max` non-empty-at-the-end lines of a traceback, as plain text. */
export function tracebackTail(
  traceback: readonly string[],
  max = TRACEBACK_TAIL_LINES
): { lines: string[]; omitted: number } {
  const lines = stripAnsi(traceback.join('\n')).split('\n');
  while (lines.length && !lines[lines.length - 1].trim()) {
    lines.pop();
  }
  const start = Math.max(0, lines.length - max);
  return { lines: lines.slice(start), omitted: start };
}

/** A fenced code block that no backtick run inside the text can close early. */
export function fencedBlock(text: string, info = ''): string {
  const longest = Math.max(
    0,
    ...[...text.matchAll(/`+/g)].map(m => m[0].length)
  );
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

/** Inline code that shows any text literally (backticks and Markdown inside included). */
export function inlineCode(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  const longest = Math.max(
    0,
    ...[...oneLine.matchAll(/`+/g)].map(m => m[0].length)
  );
  const fence = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/**
 * A diagnosis as Markdown for a forum question or a bug report: the labels as titles, the
 * hint, the evidence and the end of the traceback in a fenced block. A label the diagnosis is
 * less sure of than `threshold` (the `confidenceThreshold` setting) is worded as the card words
 * it, "A or b — not sure (48% / 31%)": a pasted export must not state a guess as a fact.
 * User text (the error, paths) only ever appears inside code spans or the code block, so it
 * cannot break the Markdown around it.
 */
export function diagnosisMarkdown(
  source: IMarkdownSource,
  titleOf: TitleOf,
  threshold: number
): string {
  const d = source.diagnosis;
  const out: string[] = [];
  const error = source.evalue
    ? `${source.ename}: ${source.evalue}`
    : source.ename;
  const label = (dimension: 'crash_type' | 'stage' | 'library') =>
    labelText(d, dimension, threshold, titleOf);
  out.push(`### ${label('crash_type')}`);
  out.push('');
  out.push(`- **Error:** ${inlineCode(firstLine(error))}`);
  if (source.notebookPath) {
    out.push(
      `- **Where:** ${inlineCode(source.notebookPath)}, ${source.cellLabel}`
    );
  }
  out.push(
    `- **Root cause:** ${labelText(d, 'root_cause', threshold, titleOf, causeTitle(d, titleOf))}`
  );
  out.push(`- **Pipeline stage:** ${label('stage')}`);
  out.push(`- **Library:** ${label('library')}`);
  if (d.hint) {
    out.push('');
    out.push(`**Hint:** ${d.hint}`);
  }
  const evidence = readableEvidence(d.evidence);
  if (evidence.length) {
    out.push('');
    out.push('**Why:**');
    out.push('');
    for (const line of evidence) {
      out.push(`- ${line}`);
    }
  }
  const tail = tracebackTail(source.traceback);
  out.push('');
  if (tail.lines.length) {
    out.push(
      tail.omitted
        ? `**Traceback** (last ${tail.lines.length} lines):`
        : '**Traceback:**'
    );
    out.push('');
    out.push(fencedBlock(tail.lines.join('\n'), 'text'));
  } else {
    out.push('**Error:**');
    out.push('');
    out.push(fencedBlock(error, 'text'));
  }
  out.push('');
  out.push(
    '_Diagnosed by nbcrash' +
      (d.taxonomy_version ? ` (taxonomy ${d.taxonomy_version})` : '') +
      '._'
  );
  return out.join('\n') + '\n';
}
