import { DEFAULT_HISTORY_LIMIT } from './history';

/** The user's settings of nbcrash (schema/plugin.json), read live. */
export interface INbCrashSettings {
  /** Watch notebooks and diagnose errors at all. */
  enabled: boolean;
  /** Show the card under each error output. */
  showInlineCards: boolean;
  /** Send the failing cell's code and the notebook's cell sources with a diagnose request. */
  sendCellSource: boolean;
  /** Executions kept per notebook and kernel session. */
  historyLength: number;
  /** Below this confidence (0..1) the hint is hidden; the crash type is still shown. */
  minConfidence: number;
  /**
   * A label at least this probable (0..1) is shown as a fact; below it, the two likeliest
   * with their shares ("A or b — not sure").
   */
  confidenceThreshold: number;
}

/** The defaults, the same as in schema/plugin.json. */
export const DEFAULT_SETTINGS: Readonly<INbCrashSettings> = {
  enabled: true,
  showInlineCards: true,
  sendCellSource: true,
  historyLength: DEFAULT_HISTORY_LIMIT,
  minConfidence: 0.2,
  // Cross-validation on grouped folds: at >= 0.7 crash type, root cause and library are right
  // 86-93% of the time (docs/ARCHITECTURE.md, "What the probabilities mean").
  confidenceThreshold: 0.7
};

/** Bounds of historyLength, as in the schema. */
const HISTORY_MIN = 10;
const HISTORY_MAX = 10000;

/**
 * The settings from the registry's composite values. Anything missing or of the wrong type
 * (a hand-edited settings file the registry could not validate) falls back to the default;
 * numbers are clamped into their range.
 */
export function readSettings(
  composite: { [key: string]: unknown } | null | undefined
): INbCrashSettings {
  const raw = composite ?? {};
  const bool = (key: keyof INbCrashSettings): boolean => {
    const value = raw[key];
    return typeof value === 'boolean'
      ? value
      : (DEFAULT_SETTINGS[key] as boolean);
  };
  const num = (
    key: keyof INbCrashSettings,
    min: number,
    max: number
  ): number => {
    const value = raw[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return DEFAULT_SETTINGS[key] as number;
    }
    return Math.min(max, Math.max(min, value));
  };
  const enabled = bool('enabled');
  return {
    enabled,
    // No diagnosis, no card.
    showInlineCards: enabled && bool('showInlineCards'),
    sendCellSource: bool('sendCellSource'),
    historyLength: Math.round(num('historyLength', HISTORY_MIN, HISTORY_MAX)),
    minConfidence: num('minConfidence', 0, 1),
    confidenceThreshold: num('confidenceThreshold', 0, 1)
  };
}

/** The parts of a diagnosis that decide how sure its hint is. */
export interface IHintConfidenceSource {
  notebook_cause?: string | null;
  confidence?: { [dimension: string]: number } | null;
}

/**
 * How sure the diagnosis is of what its hint rests on: the root cause when the hint is about
 * the notebook (cell order, an earlier failure), else the crash type. A diagnosis without
 * that confidence counts as sure (nothing to judge it by).
 */
export function hintConfidence(d: IHintConfidenceSource): number {
  const dimension = d.notebook_cause ? 'root_cause' : 'crash_type';
  const value = d.confidence?.[dimension];
  return typeof value === 'number' && Number.isFinite(value) ? value : 1;
}

/** Whether the hint of a diagnosis is shown under the given minimum confidence. */
export function showHint(
  d: IHintConfidenceSource,
  minConfidence: number
): boolean {
  return hintConfidence(d) >= minConfidence;
}
