/**
 * The panel's one line about the model in use (GET /nbcrash/status `model`, issue 17):
 * "Model: shipped (trained on 1078 crashes)" or "Model: yours, 5 corrections, 2026-12-06".
 * No React here.
 */
import { IModelStatus } from './types';

/** How many examples a model was trained on: a count, or the sum of a count per file. */
export function trainedOnCount(trainedOn: unknown): number | null {
  if (typeof trainedOn === 'number' && Number.isFinite(trainedOn)) {
    return trainedOn;
  }
  if (trainedOn && typeof trainedOn === 'object' && !Array.isArray(trainedOn)) {
    const counts = Object.values(trainedOn).filter(
      (v): v is number => typeof v === 'number' && Number.isFinite(v)
    );
    return counts.length ? counts.reduce((a, b) => a + b, 0) : null;
  }
  return null;
}

/** The words for the model's source ("user" is the user's retrained model). */
const SOURCES: { [source: string]: string } = {
  shipped: 'shipped',
  user: 'yours',
  explicit: 'configured'
};

/**
 * The line, or '' for no model status. The shipped (or a configured) model says what it was
 * trained on; the user's retrained model how many corrections it learnt and when, as far as
 * the server says (`created` and `corrections` are optional).
 */
export function modelLine(model: IModelStatus | null | undefined): string {
  if (!model || typeof model.source !== 'string') {
    return '';
  }
  if (model.source === 'none') {
    return 'Model: none (rules only)';
  }
  const source = SOURCES[model.source] ?? model.source;
  const parts: string[] = [];
  if (model.source === 'user') {
    const corrections = model.corrections;
    if (typeof corrections === 'number' && Number.isFinite(corrections)) {
      parts.push(
        corrections === 1 ? '1 correction' : `${corrections} corrections`
      );
    }
    const date = dateOf(model.created);
    if (date) {
      parts.push(date);
    }
  }
  if (parts.length) {
    return [`Model: ${source}`, ...parts].join(', ');
  }
  const count = trainedOnCount(model.trained_on);
  return count !== null
    ? `Model: ${source} (trained on ${count} crashes)`
    : `Model: ${source}`;
}

/** The line's tooltip: where the model is and what it was trained on, file by file. */
export function modelTooltip(model: IModelStatus | null | undefined): string {
  if (!model) {
    return '';
  }
  const lines = ['The model that diagnoses crashes on this server.'];
  const trainedOn = model.trained_on;
  if (trainedOn && typeof trainedOn === 'object' && !Array.isArray(trainedOn)) {
    const files = Object.entries(trainedOn)
      .filter(([, n]) => typeof n === 'number')
      .map(([file, n]) => `${file} ${n}`);
    if (files.length) {
      lines.push(`Trained on: ${files.join(', ')}.`);
    }
  }
  const date = dateOf(model.created);
  if (date) {
    lines.push(`Trained: ${date}.`);
  }
  if (model.path) {
    lines.push(`Files: ${model.path}`);
  }
  return lines.join('\n');
}

/** The day of an ISO 8601 time ("2026-12-06T…" → "2026-12-06"), '' when there is none. */
function dateOf(created: unknown): string {
  const date = typeof created === 'string' ? created.slice(0, 10) : '';
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '';
}
