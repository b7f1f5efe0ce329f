import { CrashLog, entryFromServer, ICrashEntry } from '../crashlog';
import { storedFeedback, wrongFeedback } from '../feedback';
import {
  countBy,
  filterChoices,
  filterEntries,
  isFiltering,
  NO_FILTER
} from '../filters';
import {
  diagnosisMarkdown,
  fencedBlock,
  inlineCode,
  stripAnsi,
  tracebackTail
} from '../markdown';
import { chartRows } from '../panelparts';
import { withoutSources } from '../record';
import {
  DEFAULT_SETTINGS,
  hintConfidence,
  readSettings,
  showHint
} from '../settings';
import { IDiagnosis, IStoredCrash } from '../types';

function diagnosis(over: Partial<IDiagnosis> = {}): IDiagnosis {
  return {
    crash_type: 'module_not_found',
    root_cause: 'environment_setting',
    notebook_cause: null,
    stage: 'environment_setup',
    library: 'none',
    ml_bug: false,
    confidence: { crash_type: 0.97, root_cause: 0.8, stage: 0.6 },
    hint: 'Install it: `pip install foo`',
    evidence: ['rule imports.module_not_found', 'message names `foo`'],
    related_cell: null,
    taxonomy_version: '2025.1',
    crash_id: 7,
    ...over
  };
}

let counter = 0;
function entry(d: Partial<IDiagnosis> | null, over: Partial<ICrashEntry> = {}) {
  counter++;
  return {
    key: `k${counter}`,
    panelId: 'p',
    notebookPath: 'a.ipynb',
    cellId: `c${counter}`,
    cellIndex: 0,
    executionCount: counter,
    ename: 'ValueError',
    evalue: 'bad',
    time: counter,
    status: d ? 'done' : 'pending',
    diagnosis: d ? diagnosis(d) : null,
    ...over
  } as ICrashEntry;
}

const TITLES: { [key: string]: string } = {
  module_not_found: 'Module not found',
  environment_setting: 'Environment setting',
  environment_setup: 'Environment setup',
  none: 'None (plain Python)',
  out_of_order: 'Out-of-order execution',
  notebook_specific: 'Notebook execution'
};
const titleOf = (_dim: string, id: string) => TITLES[id] ?? id;

describe('settings', () => {
  it('falls back to the defaults for missing or wrong values', () => {
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(
      readSettings({
        enabled: 'yes',
        minConfidence: 'high',
        historyLength: NaN
      })
    ).toEqual(DEFAULT_SETTINGS);
  });

  it('clamps numbers into range and rounds the history length', () => {
    const s = readSettings({ minConfidence: 3, historyLength: 2.6 });
    expect(s.minConfidence).toBe(1);
    expect(s.historyLength).toBe(10);
    expect(readSettings({ minConfidence: -1 }).minConfidence).toBe(0);
    expect(readSettings({ historyLength: 1e9 }).historyLength).toBe(10000);
  });

  it('shows no cards when diagnosis is off', () => {
    const s = readSettings({ enabled: false, showInlineCards: true });
    expect(s.enabled).toBe(false);
    expect(s.showInlineCards).toBe(false);
    expect(readSettings({ sendCellSource: false }).sendCellSource).toBe(false);
  });

  it('judges the hint by the crash type, or the root cause for notebook causes', () => {
    const d = diagnosis({ confidence: { crash_type: 0.9, root_cause: 0.1 } });
    expect(hintConfidence(d)).toBe(0.9);
    expect(hintConfidence({ ...d, notebook_cause: 'out_of_order' })).toBe(0.1);
    expect(hintConfidence({ confidence: {} })).toBe(1);
    expect(showHint(d, 0.95)).toBe(false);
    expect(showHint(d, 0.9)).toBe(true);
  });
});

describe('filters and chart counts', () => {
  const entries = [
    entry({ crash_type: 'a', stage: 'training', library: 'numpy' }),
    entry({ crash_type: 'b', stage: 'training', library: 'pandas' }),
    entry({ crash_type: 'a', stage: 'data_preparation', library: 'numpy' }),
    entry(null)
  ];

  it('keeps everything without a filter, pending entries included', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(filterEntries(entries, NO_FILTER)).toHaveLength(4);
  });

  it('keeps the entries matching every chosen dimension, in order', () => {
    const byType = filterEntries(entries, { ...NO_FILTER, crash_type: 'a' });
    expect(byType.map(e => e.key)).toEqual([entries[0].key, entries[2].key]);
    const both = filterEntries(entries, {
      crash_type: 'a',
      stage: 'training',
      library: ''
    });
    expect(both.map(e => e.key)).toEqual([entries[0].key]);
    expect(
      filterEntries(entries, { ...NO_FILTER, library: 'torch' })
    ).toHaveLength(0);
  });

  it('counts labels, most frequent first, ties in taxonomy order', () => {
    expect(countBy(entries, 'stage')).toEqual([
      { id: 'training', count: 2 },
      { id: 'data_preparation', count: 1 }
    ]);
    expect(
      countBy(entries, 'library', ['pandas', 'numpy']).map(c => c.id)
    ).toEqual(['numpy', 'pandas']);
    expect(
      countBy(entries.slice(0, 2), 'crash_type', ['b', 'a']).map(c => c.id)
    ).toEqual(['b', 'a']);
  });

  it('offers the labels present plus the chosen one', () => {
    expect(filterChoices(entries, 'library', '', ['pandas', 'numpy'])).toEqual([
      'pandas',
      'numpy'
    ]);
    expect(filterChoices(entries, 'library', 'torch')).toEqual([
      'numpy',
      'pandas',
      'torch'
    ]);
  });

  it('sums up the rare labels of a long chart in one row', () => {
    const counts = [5, 4, 3, 2, 1, 1, 1].map((count, i) => ({
      id: `t${i}`,
      count
    }));
    const rows = chartRows(counts, 4);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toEqual({ id: '', count: 5, folded: 4 });
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(17);
    expect(chartRows(counts.slice(0, 3), 4)).toHaveLength(3);
  });
});

describe('markdown export', () => {
  const traceback = [
    '\u001b[0;31m---------------------------------------------------------------------------\u001b[0m',
    '\u001b[0;31mModuleNotFoundError\u001b[0m                       Traceback (most recent call last)',
    'Cell \u001b[0;32mIn[1], line 1\u001b[0m\n\u001b[0;32m----> 1\u001b[0m \u001b[38;5;28;01mimport\u001b[39;00m \u001b[38;5;21;01mfoo\u001b[39;00m',
    "\u001b[0;31mModuleNotFoundError\u001b[0m: No module named 'foo'"
  ];

  it('strips ANSI colours', () => {
    expect(stripAnsi(traceback[3])).toBe(
      "ModuleNotFoundError: No module named 'foo'"
    );
  });

  it('keeps the last lines of a long traceback', () => {
    const long = Array.from({ length: 50 }, (_, i) => `line ${i}`);
    const tail = tracebackTail([...long, '', ''], 20);
    expect(tail.lines).toHaveLength(20);
    expect(tail.lines[19]).toBe('line 49');
    expect(tail.omitted).toBe(30);
  });

  it('fences code that contains backticks', () => {
    expect(fencedBlock('a ```` b')).toBe('`````\na ```` b\n`````');
    expect(inlineCode('x `y` z')).toBe('``x `y` z``');
    expect(inlineCode('`edge')).toBe('`` `edge ``');
  });

  it('writes titles, hint, evidence and the traceback in a fenced block', () => {
    const md = diagnosisMarkdown(
      {
        ename: 'ModuleNotFoundError',
        evalue: "No module named 'foo'",
        notebookPath: 'work/a.ipynb',
        cellLabel: 'cell 1 [1]',
        diagnosis: diagnosis(),
        traceback
      },
      titleOf
    );
    expect(md).toContain('### Module not found');
    expect(md).toContain(
      "- **Error:** `ModuleNotFoundError: No module named 'foo'`"
    );
    expect(md).toContain('- **Where:** `work/a.ipynb`, cell 1 [1]');
    expect(md).toContain('- **Root cause:** Environment setting');
    expect(md).toContain('- **Pipeline stage:** Environment setup');
    expect(md).toContain('- **Library:** None (plain Python)');
    expect(md).toContain('**Hint:** Install it: `pip install foo`');
    expect(md).toContain('- rule imports.module_not_found');
    expect(md).toContain(
      '```text\n-------------------------------------------------------------------------' +
        '--\nModuleNotFoundError                       Traceback (most recent call last)\n' +
        'Cell In[1], line 1\n----> 1 import foo\n' +
        "ModuleNotFoundError: No module named 'foo'\n```"
    );
    expect(md).not.toContain('\u001b');
    expect(md).toContain('taxonomy 2025.1');
  });

  it('names the notebook cause and falls back to the error without a traceback', () => {
    const md = diagnosisMarkdown(
      {
        ename: 'NameError',
        evalue: "name 'scale' is not defined\n```\n# not a heading",
        notebookPath: '',
        cellLabel: 'cell 3',
        diagnosis: diagnosis({
          root_cause: 'notebook_specific',
          notebook_cause: 'out_of_order',
          evidence: []
        }),
        traceback: []
      },
      titleOf
    );
    expect(md).toContain(
      '- **Root cause:** Out-of-order execution (Notebook execution)'
    );
    expect(md).not.toContain('**Where:**');
    expect(md).not.toContain('**Why:**');
    // The evalue's own fence cannot close the block.
    expect(md).toContain(
      "````text\nNameError: name 'scale' is not defined\n```\n# not a heading\n````"
    );
  });
});

describe('feedback', () => {
  it('sends only the labels the user changed', () => {
    const d = diagnosis();
    expect(
      wrongFeedback(7, d, {
        crash_type: 'module_not_found',
        root_cause: 'implementation_error',
        notebook_cause: '',
        stage: 'environment_setup',
        library: 'none'
      })
    ).toEqual({
      crash_id: 7,
      correct: false,
      labels: { root_cause: 'implementation_error' }
    });
  });

  it('sends nothing when no label changed', () => {
    expect(
      wrongFeedback(7, diagnosis(), { crash_type: 'module_not_found' })
    ).toBeNull();
  });

  it('turns a cleared notebook cause into null', () => {
    const d = diagnosis({
      root_cause: 'notebook_specific',
      notebook_cause: 'out_of_order'
    });
    expect(wrongFeedback(1, d, { notebook_cause: '' })?.labels).toEqual({
      notebook_cause: null
    });
  });

  it('keeps what the server stored, like GET /nbcrash/crashes', () => {
    const d = diagnosis();
    const fb = storedFeedback(
      { crash_id: 7, correct: false, labels: { stage: 'training' } },
      { feedback_id: 3, crash_id: 7 },
      d
    );
    expect(fb.feedback_id).toBe(3);
    expect(fb.correct).toBe(false);
    expect(fb.labels.stage).toBe('training');
    expect(fb.labels.crash_type).toBe('module_not_found');
  });
});

describe('crash log and the server history', () => {
  const stored = (id: number, created: string): IStoredCrash => ({
    crash_id: id,
    created,
    notebook_path: 'n.ipynb',
    cell_id: 'cell',
    cell_index: 2,
    execution_count: 4,
    ename: 'KeyError',
    evalue: "'x'",
    diagnosis: diagnosis({ crash_id: undefined }),
    feedback: null
  });

  it('makes entries of stored crashes', () => {
    const e = entryFromServer(stored(5, '2026-01-01T10:00:00.000+00:00'));
    expect(e.status).toBe('done');
    expect(e.diagnosis?.crash_id).toBe(5);
    expect(e.cellIndex).toBe(2);
    expect(e.time).toBe(Date.parse('2026-01-01T10:00:00Z'));
  });

  it('merges the history newest first, without duplicates', () => {
    const log = new CrashLog();
    let emitted = 0;
    log.changed.connect(() => emitted++);
    log.add(
      entry({ crash_id: 9 }, { time: Date.parse('2026-01-02T00:00:00Z') })
    );
    const added = log.merge([
      stored(9, '2026-01-02T00:00:00Z'),
      stored(8, '2026-01-01T12:00:00Z'),
      stored(2, '2026-01-01T08:00:00Z')
    ]);
    expect(added).toBe(2);
    expect(log.entries.map(e => e.diagnosis?.crash_id)).toEqual([9, 8, 2]);
    expect(log.merge([stored(8, '2026-01-01T12:00:00Z')])).toBe(0);
    expect(emitted).toBe(2);
  });

  it('drops a loaded copy when the live diagnosis of the same crash arrives', () => {
    const log = new CrashLog();
    const live = log.add(entry(null));
    log.merge([stored(11, '2026-01-01T00:00:00Z')]);
    expect(log.entries).toHaveLength(2);
    log.update(live.key, {
      status: 'done',
      diagnosis: diagnosis({ crash_id: 11 })
    });
    expect(log.entries.map(e => e.key)).toEqual([live.key]);
  });
});

describe('cell sources', () => {
  it('are left out of the request when the user says so', () => {
    const body = {
      ename: 'E',
      evalue: 'v',
      traceback: [],
      code: 'secret = 1',
      cell_id: 'c',
      notebook: {
        path: 'p.ipynb',
        cells: [
          {
            id: 'c',
            index: 0,
            source: 'secret = 1',
            execution_count: 1,
            cell_type: 'code'
          }
        ],
        history: [{ cell_id: 'c', execution_count: 1, ok: false }],
        previous_history: []
      }
    };
    const out = withoutSources(body);
    expect(out.code).toBeUndefined();
    expect(out.notebook!.cells[0].source).toBe('');
    expect(out.notebook!.cells[0].id).toBe('c');
    expect(out.notebook!.history).toHaveLength(1);
    expect(JSON.stringify(out)).not.toContain('secret');
    // The original body is untouched.
    expect(body.code).toBe('secret = 1');
  });
});
