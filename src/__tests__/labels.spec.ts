import {
  causeTitle,
  cellLabel,
  confidenceRows,
  dimensionName,
  ERROR_LINE_MAX,
  errorMessage,
  firstLine,
  notebookName,
  percent,
  splitCodeSpans
} from '../labels';
import { titleOf } from './fixtures';

describe('labels', () => {
  it('names cells by 1-based position and execution count', () => {
    expect(cellLabel(0, 5)).toBe('cell 1 [5]');
    expect(cellLabel(3, null)).toBe('cell 4');
    expect(cellLabel(-1)).toBe('cell');
  });

  it('takes the file name of a notebook path', () => {
    expect(notebookName('a/b/c.ipynb')).toBe('c.ipynb');
    expect(notebookName('c.ipynb')).toBe('c.ipynb');
  });

  it('keeps the first non-empty line, cut to length', () => {
    expect(firstLine('\n  first  \nsecond')).toBe('first');
    expect(firstLine('x'.repeat(50), 10)).toBe('x'.repeat(9) + '…');
    // One length for an error line, in the panel and the Markdown export alike.
    expect(firstLine('y'.repeat(1000))).toHaveLength(ERROR_LINE_MAX);
  });

  it('names the cause: the notebook cause with its root cause, else the root cause', () => {
    expect(
      causeTitle(
        { root_cause: 'notebook_specific', notebook_cause: 'out_of_order' },
        titleOf
      )
    ).toBe('Out-of-order execution (Notebook execution)');
    expect(
      causeTitle(
        { root_cause: 'environment_setting', notebook_cause: null },
        titleOf
      )
    ).toBe('Environment setting');
  });

  it('orders confidences by dimension, clamps them and names unknown ones', () => {
    const rows = confidenceRows({
      some_new_dimension: 0.5,
      stage: 1.7,
      crash_type: 0.91,
      library: Number.NaN
    });
    expect(rows).toEqual([
      { dimension: 'crash_type', name: 'Crash type', value: 0.91 },
      { dimension: 'stage', name: 'Stage', value: 1 },
      {
        dimension: 'some_new_dimension',
        name: 'some new dimension',
        value: 0.5
      }
    ]);
    expect(confidenceRows(null)).toEqual([]);
    expect(dimensionName('notebook_cause')).toBe('Notebook cause');
    expect(percent(0.916)).toBe('92%');
  });

  it('words any failure as its message', () => {
    expect(errorMessage(new Error('offline'))).toBe('offline');
    expect(errorMessage('refused')).toBe('refused');
  });

  it('splits code spans without interpreting anything else', () => {
    expect(splitCodeSpans('run `pip install x` then <b>restart</b>')).toEqual([
      { text: 'run ', code: false },
      { text: 'pip install x', code: true },
      { text: ' then <b>restart</b>', code: false }
    ]);
    expect(splitCodeSpans('no code')).toEqual([
      { text: 'no code', code: false }
    ]);
    expect(splitCodeSpans('an ` unmatched tick')).toEqual([
      { text: 'an ` unmatched tick', code: false }
    ]);
  });
});
