/**
 * How the UI words things, the same on the card, in the panel and in the Markdown export:
 * dimensions, causes, percentages, cells, error lines, code spans. No React here.
 */
import { Dimension } from './types';

/** How the UI names the dimensions of a diagnosis, in display order. */
export const DIMENSION_NAMES: { readonly [D in Dimension]: string } = {
  crash_type: 'Crash type',
  root_cause: 'Root cause',
  notebook_cause: 'Notebook cause',
  stage: 'Stage',
  library: 'Library'
};

/** The UI's name of a dimension; an unknown one with its underscores as spaces. */
export function dimensionName(dimension: string): string {
  return (
    DIMENSION_NAMES[dimension as Dimension] ?? dimension.replace(/_/g, ' ')
  );
}

/** Title of a label id in a dimension (from the taxonomy; the id when it has none). */
export type TitleOf = (dimension: Dimension, id: string) => string;

/**
 * The cause of a crash in words: the notebook cause with its root cause in brackets
 * ("Out-of-order execution (Notebook execution)"), else the root cause.
 */
export function causeTitle(
  d: { root_cause: string; notebook_cause: string | null },
  titleOf: TitleOf
): string {
  const rootCause = titleOf('root_cause', d.root_cause);
  return d.notebook_cause
    ? `${titleOf('notebook_cause', d.notebook_cause)} (${rootCause})`
    : rootCause;
}

/** A share (0..1) as the UI shows it: a whole percentage. */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** One row of a confidence table. */
export interface IConfidenceRow {
  dimension: string;
  name: string;
  /** Clamped into 0..1. */
  value: number;
}

/** The confidences of a diagnosis in display order: known dimensions first. */
export function confidenceRows(
  confidence: { [dimension: string]: number } | null | undefined
): IConfidenceRow[] {
  const order = Object.keys(DIMENSION_NAMES);
  const rank = (dimension: string) => {
    const i = order.indexOf(dimension);
    return i < 0 ? order.length : i;
  };
  return Object.entries(confidence ?? {})
    .filter(([, v]) => typeof v === 'number' && Number.isFinite(v))
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([dimension, value]) => ({
      dimension,
      name: dimensionName(dimension),
      value: Math.min(1, Math.max(0, value))
    }));
}

/**
 * How the UI names cells. Positions are shown 1-based, as a reader counts cells;
 * the execution count, when there is one, in brackets as JupyterLab's prompt shows it.
 */
export function cellLabel(
  index: number,
  executionCount?: number | null
): string {
  const position = index >= 0 ? `cell ${index + 1}` : 'cell';
  return executionCount !== null && executionCount !== undefined
    ? `${position} [${executionCount}]`
    : position;
}

/** The file name of a notebook path. */
export function notebookName(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 1] || path;
}

/** Characters of an error's first line shown in the panel and the Markdown export. */
export const ERROR_LINE_MAX = 300;

/** The first non-empty line of a text, trimmed and cut to `max` characters. */
export function firstLine(text: string, max = ERROR_LINE_MAX): string {
  const line = (text.split('\n').find(l => l.trim().length > 0) ?? '').trim();
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}

/** A piece of hint text: plain, or a `code span` (hints quote names and commands that way). */
export interface ITextPart {
  text: string;
  code: boolean;
}

/**
 * Split a hint into plain text and `code spans`. The parts are rendered as text nodes
 * (never as HTML), so user data in them stays inert.
 */
export function splitCodeSpans(text: string): ITextPart[] {
  const parts: ITextPart[] = [];
  const pattern = /`([^`\n]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) {
      parts.push({ text: text.slice(last, at), code: false });
    }
    parts.push({ text: match[1], code: true });
    last = at + match[0].length;
  }
  if (last < text.length) {
    parts.push({ text: text.slice(last), code: false });
  }
  return parts;
}

/** The message of a failure, whatever was thrown, as the UI shows it. */
export function errorMessage(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
