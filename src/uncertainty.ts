/**
 * How sure a diagnosis is of each label, and how the UI says it (issue 13). Above the user's
 * threshold (the `confidenceThreshold` setting) a label is shown as a fact; below it, the two
 * likeliest labels with their shares: "API misuse or data confusion — not sure (48% / 31%)".
 * No React here: the components and the Markdown export word it the same way.
 */
import { percent, TitleOf } from './labels';
import { IAlternative, IDiagnosis, RankedDimension } from './types';

/** The dimensions the server ranks alternatives for, in display order. */
export const RANKED: readonly RankedDimension[] = [
  'crash_type',
  'root_cause',
  'stage',
  'library'
];

/**
 * The likeliest labels of a dimension, likeliest first, the chosen label always first.
 * A diagnosis without `alternatives` (stored before the field existed, or rules only) has
 * its label alone, with its confidence (1 when it has none: nothing to doubt it by).
 * Malformed entries are dropped; probabilities are clamped into 0..1.
 */
export function alternativesOf(
  d: Pick<IDiagnosis, RankedDimension | 'confidence' | 'alternatives'>,
  dimension: RankedDimension
): IAlternative[] {
  const chosen = d[dimension];
  const confidence = d.confidence?.[dimension];
  const own: IAlternative = {
    id: chosen,
    p: clamp(typeof confidence === 'number' ? confidence : 1)
  };
  const listed = (d.alternatives?.[dimension] ?? []).filter(
    (a): a is IAlternative =>
      !!a &&
      typeof a.id === 'string' &&
      a.id !== '' &&
      typeof a.p === 'number' &&
      Number.isFinite(a.p)
  );
  const seen = new Set<string>([chosen]);
  const others: IAlternative[] = [];
  for (const a of listed) {
    if (!seen.has(a.id)) {
      seen.add(a.id);
      others.push({ id: a.id, p: clamp(a.p) });
    }
  }
  others.sort((a, b) => b.p - a.p);
  return [own, ...others];
}

/** What the UI shows of one dimension. */
export interface ISureness {
  dimension: RankedDimension;
  /** The chosen label's probability reaches the threshold, or nothing else is likely. */
  sure: boolean;
  /** The chosen label and its probability. */
  chosen: IAlternative;
  /** The runner-up, shown beside the chosen label when not sure. */
  second: IAlternative | null;
}

/**
 * Sure when the chosen label's probability is at least `threshold`; not sure otherwise,
 * with the runner-up to show beside it. A label without a runner-up counts as sure: there
 * is no "A or B" to offer.
 */
export function sureness(
  d: Pick<IDiagnosis, RankedDimension | 'confidence' | 'alternatives'>,
  dimension: RankedDimension,
  threshold: number
): ISureness {
  const [chosen, second = null] = alternativesOf(d, dimension);
  const sure = second === null || second.p <= 0 || chosen.p >= threshold;
  return { dimension, sure, chosen, second: sure ? null : second };
}

/**
 * The words for a label that is not sure: "API misuse or data confusion", the second title
 * in lower case unless it starts with an acronym. `first` replaces the chosen label's title
 * (the cause is worded with its notebook cause).
 */
export function eitherTitle(
  s: ISureness,
  titleOf: TitleOf,
  first?: string
): string {
  const a = first ?? titleOf(s.dimension, s.chosen.id);
  if (!s.second) {
    return a;
  }
  return `${a} or ${lowerFirst(titleOf(s.dimension, s.second.id))}`;
}

/** "not sure (48% / 31%)": the shares of the two likeliest labels. */
export function notSureNote(s: ISureness): string {
  return s.second
    ? `not sure (${percent(s.chosen.p)} / ${percent(s.second.p)})`
    : '';
}

/**
 * A label as the UI shows it: its title when sure, else "A or b — not sure (48% / 31%)".
 */
export function surenessText(
  s: ISureness,
  titleOf: TitleOf,
  first?: string
): string {
  return s.sure
    ? (first ?? titleOf(s.dimension, s.chosen.id))
    : `${eitherTitle(s, titleOf, first)} — ${notSureNote(s)}`;
}

/**
 * A label in words, the one function the card, the panel and the Markdown export word it with:
 * its title when the diagnosis is sure of it (or it is not a ranked dimension), else
 * "A or b — not sure (48% / 31%)". `first` replaces the chosen label's title (the cause is
 * worded with its notebook cause).
 */
export function labelText(
  d: Pick<IDiagnosis, RankedDimension | 'confidence' | 'alternatives'>,
  dimension: RankedDimension,
  threshold: number,
  titleOf: TitleOf,
  first?: string
): string {
  return surenessText(sureness(d, dimension, threshold), titleOf, first);
}

/**
 * The one-click corrections the feedback form offers first: every label the server ranked
 * below the chosen one, dimensions the diagnosis is not sure of first (then in display
 * order), likeliest first within a dimension.
 */
export function quickCorrections(
  d: Pick<IDiagnosis, RankedDimension | 'confidence' | 'alternatives'>,
  threshold: number
): { dimension: RankedDimension; id: string; p: number }[] {
  const dims = [...RANKED].sort(
    (a, b) =>
      Number(sureness(d, a, threshold).sure) -
      Number(sureness(d, b, threshold).sure)
  );
  return dims.flatMap(dimension =>
    alternativesOf(d, dimension)
      .slice(1)
      .filter(a => a.p > 0)
      .map(a => ({ dimension, id: a.id, p: a.p }))
  );
}

function clamp(p: number): number {
  return Math.min(1, Math.max(0, p));
}

/** A title inside a sentence: "Data confusion" → "data confusion"; "API misuse" stays. */
export function lowerFirst(title: string): string {
  return /^[A-Z]{2}/.test(title)
    ? title
    : title.charAt(0).toLowerCase() + title.slice(1);
}
