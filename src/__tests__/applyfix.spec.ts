import { createHash } from 'crypto';

import {
  CELL_CHANGED,
  CELL_GONE,
  CELLS_MOVED,
  describePlan,
  IFixCell,
  planFix,
  replaceSpan,
  utf16Offset
} from '../applyfix';
import { sha1Hex } from '../sha1';
import { FixEdit, IFix } from '../types';

/** The server's hash: Python's hashlib.sha1(source.encode('utf-8')).hexdigest(). */
function pythonSha1(text: string): string {
  return createHash('sha1').update(Buffer.from(text, 'utf-8')).digest('hex');
}

/** Python's `len(text)`: code points. */
function pyLen(text: string): number {
  return Array.from(text).length;
}

/** Python's `text.index(part)`, in code points. */
function pyIndex(text: string, part: string): number {
  const at = text.indexOf(part);
  expect(at).toBeGreaterThanOrEqual(0);
  return pyLen(text.slice(0, at));
}

const imports: IFixCell = { id: 'c0', source: 'import numpy as np\n' };
const crash: IFixCell = {
  id: 'c1',
  source: 'model.fit(X_tarin, y_tarin)\n'
};
const later: IFixCell = { id: 'c2', source: 'print(model)' };
const cells = [imports, crash, later];

function fixOf(edits: FixEdit[], more: Partial<IFix> = {}): IFix {
  return {
    title: 'Replace `X_tarin` with `X_train`',
    kind: 'typo',
    cell_id: crash.id,
    code_sha1: pythonSha1(crash.source),
    edits,
    rerun: true,
    ...more
  };
}

function replace(
  cell: IFixCell,
  old: string,
  replacement: string,
  from = 0
): FixEdit {
  const start =
    pyIndex(cell.source.slice(from), old) + pyLen(cell.source.slice(0, from));
  return {
    op: 'replace',
    cell_id: cell.id,
    start,
    end: start + pyLen(old),
    old,
    new: replacement
  };
}

describe('sha1Hex', () => {
  it.each([
    '',
    'abc',
    'model.fit(X_tarin, y_tarin)\n',
    'x = "héllo wörld 😀 𝔘"\n',
    'a'.repeat(55),
    'a'.repeat(56),
    'b'.repeat(64),
    'c'.repeat(1000)
  ])('is the SHA-1 of the UTF-8 bytes, as Python computes it: %j', text => {
    expect(sha1Hex(text)).toBe(pythonSha1(text));
  });
});

describe('utf16Offset', () => {
  it('counts a character outside the BMP as one code point, two UTF-16 units', () => {
    const text = 'a😀b';
    expect(utf16Offset(text, 0)).toBe(0);
    expect(utf16Offset(text, 1)).toBe(1);
    expect(utf16Offset(text, 2)).toBe(3);
    expect(utf16Offset(text, 3)).toBe(4);
    expect(utf16Offset(text, 4)).toBeNull();
  });
});

describe('replaceSpan', () => {
  it('refuses a span that does not hold the expected text or lies outside', () => {
    expect(replaceSpan('abcdef', 1, 3, 'bc', 'XY')).toBe('aXYdef');
    expect(replaceSpan('abcdef', 1, 3, 'cd', 'XY')).toBeNull();
    expect(replaceSpan('abc', 2, 9, 'c', 'X')).toBeNull();
    expect(replaceSpan('abc', 2, 1, '', 'X')).toBeNull();
    expect(replaceSpan('abc', -1, 1, 'a', 'X')).toBeNull();
  });
});

describe('planFix', () => {
  it('replaces a span of the crashing cell and re-runs it', () => {
    const check = planFix(
      fixOf([replace(crash, 'X_tarin', 'X_train')]),
      cells,
      1
    );
    expect(check).toEqual({
      ok: true,
      plan: {
        changes: [
          {
            cellId: 'c1',
            before: crash.source,
            after: 'model.fit(X_train, y_tarin)\n'
          }
        ],
        inserts: [],
        goTo: null,
        run: ['c1']
      }
    });
  });

  it('applies several replaces of one cell last-first, each at its own offsets', () => {
    const edits = [
      replace(crash, 'y_tarin', 'y_train'),
      replace(crash, 'X_tarin', 'X_train')
    ];
    expect(edits[0].op === 'replace' && edits[0].start).toBeGreaterThan(
      edits[1].op === 'replace' ? edits[1].start : Infinity
    );
    const check = planFix(fixOf(edits), cells);
    expect(check.ok && check.plan.changes).toEqual([
      {
        cellId: 'c1',
        before: crash.source,
        after: 'model.fit(X_train, y_train)\n'
      }
    ]);
  });

  it('converts code-point offsets past characters outside the BMP', () => {
    const source = 'label = "😀 𝔘 done"; print(lable)\n';
    const emoji: IFixCell = { id: 'e', source };
    const edit = replace(emoji, 'lable', 'label', source.indexOf('print'));
    // Python counts 😀 and 𝔘 as one character each: its offset is 2 smaller than JS's.
    expect(edit.op === 'replace' && edit.start).toBe(
      source.indexOf('lable') - 2
    );
    const check = planFix(
      fixOf([edit], { cell_id: 'e', code_sha1: pythonSha1(source) }),
      [emoji]
    );
    expect(check.ok && check.plan.changes[0].after).toBe(
      'label = "😀 𝔘 done"; print(label)\n'
    );
  });

  it('inserts an import line at the top of the cell (an empty span)', () => {
    const check = planFix(
      fixOf([
        {
          op: 'replace',
          cell_id: 'c1',
          start: 0,
          end: 0,
          old: '',
          new: 'import numpy as np\n'
        }
      ]),
      cells
    );
    expect(check.ok && check.plan.changes[0].after).toBe(
      'import numpy as np\nmodel.fit(X_tarin, y_tarin)\n'
    );
  });

  it('inserts a new cell, runs nothing for it and keeps the crashing cell as it is', () => {
    const fix = fixOf(
      [
        {
          op: 'insert_cell',
          index: 1,
          source: '%pip install scikit-learn',
          run: false
        }
      ],
      { kind: 'install', rerun: false, title: 'Install `scikit-learn`' }
    );
    const check = planFix(fix, cells, 1);
    expect(check).toEqual({
      ok: true,
      plan: {
        changes: [],
        inserts: [{ index: 1, source: '%pip install scikit-learn' }],
        goTo: null,
        run: []
      }
    });
    expect(check.ok && describePlan(fix, check.plan)).toBe(
      'Applies the fix: inserts a new cell (not run); nothing else runs. "Undo fix" puts it back.'
    );
  });

  it('orders several inserts highest index first', () => {
    const check = planFix(
      fixOf(
        [
          { op: 'insert_cell', index: 0, source: 'a', run: false },
          { op: 'insert_cell', index: 2, source: 'b', run: false }
        ],
        { rerun: false }
      ),
      cells
    );
    expect(check.ok && check.plan.inserts.map(i => i.index)).toEqual([2, 0]);
  });

  it('keeps a cell inserted right above the crashing cell there when cells moved', () => {
    const fix = fixOf([
      { op: 'insert_cell', index: 3, source: '%pip install x', run: false }
    ]);
    // Diagnosed as the fourth cell; two cells above it were deleted since.
    const check = planFix(fix, cells, 3);
    expect(check.ok && check.plan.inserts).toEqual([
      { index: 1, source: '%pip install x' }
    ]);
  });

  it('refuses an insert elsewhere when the cells moved since the diagnosis', () => {
    const fix = fixOf([
      { op: 'insert_cell', index: 0, source: 'import x', run: false }
    ]);
    expect(planFix(fix, cells, 2)).toEqual({ ok: false, reason: CELLS_MOVED });
    expect(
      planFix(
        fixOf([{ op: 'insert_cell', index: 7, source: 'x', run: false }]),
        cells
      )
    ).toEqual({ ok: false, reason: CELLS_MOVED });
  });

  it('runs the cells it names first, in order, then the crashing cell', () => {
    const fix = fixOf([{ op: 'run_cells', cell_ids: ['c2', 'c0'] }], {
      kind: 'run_first',
      title: 'Run cell 3, then this cell'
    });
    const check = planFix(fix, cells);
    expect(check.ok && check.plan.run).toEqual(['c2', 'c0', 'c1']);
    expect(check.ok && describePlan(fix, check.plan)).toBe(
      'Applies the fix: runs 2 other cells, then this cell again; nothing else runs.'
    );
  });

  it('only shows a cell for go_to_cell', () => {
    const fix = fixOf([{ op: 'go_to_cell', cell_id: 'c0' }], {
      kind: 'go_to_cell',
      rerun: false
    });
    expect(planFix(fix, cells)).toEqual({
      ok: true,
      plan: { changes: [], inserts: [], goTo: 'c0', run: [] }
    });
  });

  it('refuses a fix for an older version of the cell', () => {
    const edited = [
      imports,
      { ...crash, source: crash.source + '# edited\n' },
      later
    ];
    expect(
      planFix(fixOf([replace(crash, 'X_tarin', 'X_train')]), edited)
    ).toEqual({
      ok: false,
      reason: CELL_CHANGED
    });
    expect(CELL_CHANGED).toBe(
      'The cell changed since this crash; run it again for a new diagnosis.'
    );
  });

  it('refuses when the crashing cell is gone', () => {
    expect(
      planFix(fixOf([replace(crash, 'X_tarin', 'X_train')]), [imports, later])
    ).toEqual({ ok: false, reason: CELL_GONE });
  });

  it('refuses when a cell to edit, run or show is gone', () => {
    const gone = (edit: FixEdit) => {
      const check = planFix(fixOf([edit]), cells);
      return check.ok ? '' : check.reason;
    };
    const message = 'A cell the fix needs (`c9`) is no longer in the notebook.';
    expect(gone({ op: 'run_cells', cell_ids: ['c0', 'c9'] })).toBe(message);
    expect(gone({ op: 'go_to_cell', cell_id: 'c9' })).toBe(message);
    expect(
      gone({
        op: 'replace',
        cell_id: 'c9',
        start: 0,
        end: 0,
        old: '',
        new: 'x'
      })
    ).toBe(message);
  });

  it('refuses a span that no longer holds the text to replace', () => {
    const check = planFix(
      fixOf([
        {
          op: 'replace',
          cell_id: 'c1',
          start: 0,
          end: 5,
          old: 'X_tar',
          new: 'X'
        }
      ]),
      cells
    );
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toMatch(
      /^The text to replace \(`X_tar`\) is not where/
    );
  });

  it('refuses an edit it does not know', () => {
    const check = planFix(
      fixOf([{ op: 'delete_everything' } as unknown as FixEdit]),
      cells
    );
    expect(!check.ok && check.reason).toMatch(
      /cannot apply a fix step "delete_everything"/
    );
  });
});
