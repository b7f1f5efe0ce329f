/**
 * The Markdown export hedges as the card does, the evidence drops raw scores, a fix's outcome
 * has its words, and the model line follows a retrained model (issue 13, second part).
 */
import { entryFromServer } from '../crashlog';
import { readableEvidence } from '../evidence';
import { fixResultNote } from '../fixresult';
import { diagnosisMarkdown } from '../markdown';
import { ModelWatch } from '../modelwatch';
import { IModelStatus } from '../types';
import { labelText, sureness, surenessText } from '../uncertainty';
import { diagnosis, storedCrash, titleOf as baseTitleOf } from './fixtures';

/** Titles the shared fixtures do not have. */
const MORE: { [id: string]: string } = {
  type_error: 'Type error',
  evaluation: 'Evaluation'
};
const titleOf = (dim: string, id: string) => MORE[id] ?? baseTitleOf(dim, id);

/** Sure of the crash type and the stage; torn on the root cause and the library. */
const torn = diagnosis({
  crash_type: 'type_error',
  root_cause: 'api_misuse',
  stage: 'data_preparation',
  library: 'none',
  confidence: {
    crash_type: 0.97,
    root_cause: 0.55,
    stage: 0.83,
    library: 0.65
  },
  alternatives: {
    crash_type: [
      { id: 'type_error', p: 0.97 },
      { id: 'value_error', p: 0.004 }
    ],
    root_cause: [
      { id: 'api_misuse', p: 0.55 },
      { id: 'data_confusion', p: 0.26 }
    ],
    stage: [
      { id: 'data_preparation', p: 0.83 },
      { id: 'evaluation', p: 0.07 }
    ],
    library: [
      { id: 'none', p: 0.65 },
      { id: 'pandas', p: 0.28 }
    ]
  },
  evidence: [
    'rule types.bad_operands fired (confidence 0.90)',
    'found: op=+, type=int, other=str',
    'model: root cause api_misuse 0.54 (next: data_confusion 0.26)',
    'model: library none 0.65 (next: pandas 0.28)'
  ]
});

const exportOf = (threshold: number) =>
  diagnosisMarkdown(
    {
      ename: 'TypeError',
      evalue: "unsupported operand type(s) for +: 'int' and 'str'",
      notebookPath: 'a.ipynb',
      cellLabel: 'cell 1 [1]',
      diagnosis: torn,
      traceback: []
    },
    titleOf,
    threshold
  );

describe('the Markdown export says how sure', () => {
  it('below the threshold, the same words as the card; above it, the title alone', () => {
    const md = exportOf(0.7);
    expect(md).toContain('### Type error\n');
    expect(md).toContain(
      '- **Root cause:** API misuse or data confusion — not sure (55% / 26%)'
    );
    expect(md).toContain('- **Pipeline stage:** Data preparation\n');
    expect(md).toContain(
      '- **Library:** None (plain Python) or pandas — not sure (65% / 28%)'
    );
    // The card's words come from the same function.
    const card = surenessText(sureness(torn, 'root_cause', 0.7), titleOf);
    expect(md).toContain(`- **Root cause:** ${card}\n`);
  });

  it('a threshold of 0 states every label, as the setting does on the card', () => {
    const md = exportOf(0);
    expect(md).not.toContain('not sure');
    expect(md).toContain('- **Root cause:** API misuse\n');
  });

  it('a hedged cause keeps its notebook cause', () => {
    const d = {
      ...torn,
      root_cause: 'notebook_specific',
      notebook_cause: 'out_of_order',
      alternatives: {
        ...torn.alternatives,
        root_cause: [
          { id: 'notebook_specific', p: 0.55 },
          { id: 'data_confusion', p: 0.26 }
        ]
      }
    };
    expect(
      labelText(d, 'root_cause', 0.7, titleOf, 'Out-of-order execution (X)')
    ).toBe(
      'Out-of-order execution (X) or data confusion — not sure (55% / 26%)'
    );
  });

  it('the evidence without the raw scores the bars already show', () => {
    const md = exportOf(0.7);
    expect(md).toContain('- rule types.bad_operands fired\n');
    expect(md).toContain('- found: op=+, type=int, other=str\n');
    expect(md).not.toContain('0.54');
    expect(md).not.toContain('model:');
  });
});

describe('readable evidence', () => {
  it('drops model lines and a rule confidence, keeps everything else verbatim', () => {
    expect(
      readableEvidence([
        'model: stage training 0.61',
        'rule a.b fired (confidence 0.75)',
        'failing line: f(x) (confidence 0.5)',
        'exception: KeyError: (confidence 1)'
      ])
    ).toEqual([
      'rule a.b fired',
      'failing line: f(x) (confidence 0.5)',
      'exception: KeyError: (confidence 1)'
    ]);
    expect(readableEvidence([])).toEqual([]);
  });
});

describe("a fix's outcome", () => {
  it('has words for each outcome, none for no outcome', () => {
    expect(fixResultNote({ applied: true, rerun_ok: true })).toMatchObject({
      text: 'fixed ✓',
      tone: 'ok'
    });
    expect(fixResultNote({ applied: true, rerun_ok: false })).toMatchObject({
      text: 'fix applied, still fails',
      tone: 'warn'
    });
    expect(fixResultNote({ applied: true, rerun_ok: null })?.text).toBe(
      'fix applied'
    );
    expect(fixResultNote({ applied: false, rerun_ok: null })?.text).toBe(
      'fix undone'
    );
    expect(fixResultNote(null)).toBeNull();
    expect(fixResultNote(undefined)).toBeNull();
    expect(
      fixResultNote({ applied: 'yes' } as unknown as {
        applied: boolean;
        rerun_ok: null;
      })
    ).toBeNull();
  });

  it('comes from the history with its crash', () => {
    const stored = storedCrash({
      fix_result: { applied: true, rerun_ok: true }
    });
    expect(entryFromServer(stored).fixResult).toEqual({
      applied: true,
      rerun_ok: true
    });
    expect(
      entryFromServer({ ...stored, fix_result: undefined }).fixResult
    ).toBeNull();
  });
});

describe('the model line follows the model', () => {
  const shipped: IModelStatus = {
    source: 'shipped',
    path: 'x',
    trained_on: 1078
  };
  const yours: IModelStatus = {
    source: 'user',
    path: 'y',
    trained_on: 1083,
    corrections: 5
  };

  /** A page whose tab can be hidden and shown. */
  function fakeDocument() {
    const target = new EventTarget() as EventTarget & {
      visibilityState: string;
    };
    target.visibilityState = 'visible';
    return target;
  }

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reads the status while the panel is visible, tells only of a change', async () => {
    let current = shipped;
    const read = jest.fn(() => Promise.resolve(current));
    const seen: IModelStatus[] = [];
    let visible = true;
    const doc = fakeDocument();
    const watch = new ModelWatch({
      read,
      onChange: m => seen.push(m),
      isVisible: () => visible,
      intervalMs: 1000,
      document: doc as unknown as Document
    });
    await watch.refresh();
    expect(seen).toEqual([shipped]);

    // Nothing changed: read again, nothing told.
    jest.advanceTimersByTime(1000);
    await watch.refreshIfVisible();
    expect(read.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual([shipped]);

    // `train --with-feedback` in a terminal: the next tick shows the user's model.
    current = yours;
    jest.advanceTimersByTime(1000);
    await Promise.resolve();
    await watch.refresh();
    expect(seen).toEqual([shipped, yours]);

    // A hidden panel reads nothing; showing the tab again reads at once when it is visible.
    visible = false;
    const before = read.mock.calls.length;
    jest.advanceTimersByTime(5000);
    expect(read.mock.calls.length).toBe(before);
    visible = true;
    current = shipped; // `train --reset`
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(read.mock.calls.length).toBe(before + 1);
    await watch.refresh();
    expect(seen).toEqual([shipped, yours, shipped]);

    watch.dispose();
    const after = read.mock.calls.length;
    jest.advanceTimersByTime(5000);
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(read.mock.calls.length).toBe(after);
  });

  it('a failed read keeps the line as it was', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const seen: IModelStatus[] = [];
    const watch = new ModelWatch({
      read: () => Promise.reject(new Error('offline')),
      onChange: m => seen.push(m),
      isVisible: () => true,
      document: fakeDocument() as unknown as Document
    });
    await watch.refresh();
    expect(seen).toEqual([]);
    expect(warn).toHaveBeenCalled();
    watch.dispose();
    warn.mockRestore();
  });
});
