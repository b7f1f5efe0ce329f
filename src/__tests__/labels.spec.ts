import { cellLabel, firstLine, notebookName, splitCodeSpans } from '../labels';

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
