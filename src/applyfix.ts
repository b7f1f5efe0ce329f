/**
 * A diagnosis's fix (types.ts, IFix) checked against the notebook as it is now and turned
 * into a plan: the new sources of the cells it edits, the cells it inserts, the cells it
 * runs. Pure functions over plain cells, no JupyterLab: `fixaction.ts` carries the plan out
 * on the live notebook.
 *
 * A fix is refused, with a sentence saying why, whenever applying it could edit something
 * other than what the server saw: the crashing cell is gone or its source changed, a span
 * no longer holds the text to replace, a cell to run or show is gone.
 */
import { sha1Hex } from './sha1';
import { FixEdit, IFix } from './types';

/** A cell of the notebook as the fix sees it, in notebook order. */
export interface IFixCell {
  id: string;
  source: string;
}

/** A cell whose source the fix replaces. */
export interface ISourceChange {
  cellId: string;
  before: string;
  after: string;
}

/** A new code cell, before the cell at `index` of the notebook as it is now. */
export interface ICellInsert {
  index: number;
  source: string;
}

/** What applying a fix does, in this order: edit, insert, show a cell, run cells. */
export interface IFixPlan {
  changes: ISourceChange[];
  /** Highest index first, so that each index holds when its cell is inserted. */
  inserts: ICellInsert[];
  /** The cell to bring into view, if any. */
  goTo: string | null;
  /** The cells to run, in order (the crashing cell last when the fix re-runs it). */
  run: string[];
}

export type FixCheck =
  { ok: true; plan: IFixPlan } | { ok: false; reason: string };

/** Why a fix computed for an older version of the cell is refused. */
export const CELL_CHANGED =
  'The cell changed since this crash; run it again for a new diagnosis.';
export const CELL_GONE =
  'The cell that crashed is no longer in the notebook; nothing to fix.';
export const CELLS_MOVED =
  'Cells were added, moved or deleted above the cell since this crash; run it again for a new diagnosis.';

/**
 * Check a fix against the notebook's cells and plan it.
 *
 * `crashIndex` is the crashing cell's position when it was diagnosed: a fix that inserts a
 * cell places it by that numbering. When the cell has moved since, a cell inserted right
 * above it still goes right above it; any other insert is refused.
 */
export function planFix(
  fix: IFix,
  cells: readonly IFixCell[],
  crashIndex?: number
): FixCheck {
  const position = new Map(cells.map((c, i) => [c.id, i]));
  const crashAt = position.get(fix.cell_id);
  if (crashAt === undefined) {
    return refuse(CELL_GONE);
  }
  if (sha1Hex(cells[crashAt].source) !== fix.code_sha1) {
    return refuse(CELL_CHANGED);
  }
  const sources = new Map<string, string>();
  const inserts: ICellInsert[] = [];
  const run: string[] = [];
  let goTo: string | null = null;
  for (const edit of fix.edits) {
    const problem = checkEdit(edit, position);
    if (problem) {
      return refuse(problem);
    }
    switch (edit.op) {
      case 'replace': {
        const current =
          sources.get(edit.cell_id) ??
          cells[position.get(edit.cell_id)!].source;
        const replaced = replaceSpan(
          current,
          edit.start,
          edit.end,
          edit.old,
          edit.new
        );
        if (replaced === null) {
          return refuse(
            `The text to replace (${quote(edit.old)}) is not where the diagnosis saw it; ` +
              'run the cell again for a new diagnosis.'
          );
        }
        sources.set(edit.cell_id, replaced);
        break;
      }
      case 'insert_cell': {
        // Indexes count the cells as diagnosed. Right above the crashing cell stays right
        // above it wherever it moved; any other place is only known if nothing moved.
        const moved =
          crashIndex !== undefined && crashIndex >= 0 && crashIndex !== crashAt;
        if (moved && edit.index !== crashIndex) {
          return refuse(CELLS_MOVED);
        }
        inserts.push({
          index: moved ? crashAt : edit.index,
          source: edit.source
        });
        break;
      }
      case 'run_cells':
        run.push(...edit.cell_ids);
        break;
      case 'go_to_cell':
        goTo = edit.cell_id;
        break;
    }
  }
  if (fix.rerun) {
    run.push(fix.cell_id);
  }
  const changes = [...sources].map(([cellId, after]) => ({
    cellId,
    before: cells[position.get(cellId)!].source,
    after
  }));
  // A stable sort keeps two inserts at one index in the order the server gave them.
  inserts.sort((a, b) => b.index - a.index);
  if (inserts.some(i => i.index > cells.length)) {
    return refuse(CELLS_MOVED);
  }
  return { ok: true, plan: { changes, inserts, goTo, run } };
}

/** What is wrong with an edit on these cells (null: nothing). */
function checkEdit(
  edit: FixEdit,
  position: ReadonlyMap<string, number>
): string | null {
  const gone = (id: string) =>
    position.has(id)
      ? null
      : `A cell the fix needs (${quote(id)}) is no longer in the notebook.`;
  switch (edit.op) {
    case 'replace':
      return gone(edit.cell_id);
    case 'insert_cell':
      // An index past the end is only fine for a cell that moved up (planFix maps it).
      return Number.isInteger(edit.index) && edit.index >= 0
        ? null
        : CELLS_MOVED;
    case 'run_cells':
      return edit.cell_ids.map(gone).find(p => p !== null) ?? null;
    case 'go_to_cell':
      return gone(edit.cell_id);
    default:
      return `This version of nbcrash cannot apply a fix step "${(edit as { op: string }).op}".`;
  }
}

/**
 * `text` with the code points `start`..`end` replaced by `replacement`, or null when the
 * span is out of range or does not hold `expected`.
 */
export function replaceSpan(
  text: string,
  start: number,
  end: number,
  expected: string,
  replacement: string
): string | null {
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end < start
  ) {
    return null;
  }
  const from = utf16Offset(text, start);
  const to = utf16Offset(text, end);
  if (from === null || to === null || text.slice(from, to) !== expected) {
    return null;
  }
  return text.slice(0, from) + replacement + text.slice(to);
}

/**
 * The UTF-16 offset of the code point at `codePoints` in `text` (Python counts code points,
 * JavaScript strings UTF-16 units: a character outside the BMP is one in Python, two here).
 * Null when the text is shorter.
 */
export function utf16Offset(text: string, codePoints: number): number | null {
  let offset = 0;
  for (let i = 0; i < codePoints; i++) {
    if (offset >= text.length) {
      return null;
    }
    const unit = text.charCodeAt(offset);
    const pair =
      unit >= 0xd800 &&
      unit <= 0xdbff &&
      offset + 1 < text.length &&
      (text.charCodeAt(offset + 1) & 0xfc00) === 0xdc00;
    offset += pair ? 2 : 1;
  }
  return offset;
}

function refuse(reason: string): FixCheck {
  return { ok: false, reason };
}

function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return `\`${short}\``;
}

/**
 * What clicking the fix does, in one sentence (the button's tooltip): the user knows what
 * runs before anything does.
 */
export function describePlan(fix: IFix, plan: IFixPlan): string {
  const steps: string[] = [];
  const { changes, inserts, run } = plan;
  if (changes.length === 1 && changes[0].cellId === fix.cell_id) {
    steps.push('edits this cell');
  } else if (changes.length) {
    steps.push(`edits ${count(changes.length, 'cell')}`);
  }
  if (inserts.length) {
    steps.push(
      `inserts ${inserts.length === 1 ? 'a new cell' : count(inserts.length, 'new cell')} (not run)`
    );
  }
  if (plan.goTo) {
    steps.push(
      plan.goTo === fix.cell_id
        ? 'shows this cell'
        : 'shows the cell to look at'
    );
  }
  const others = run.filter(id => id !== fix.cell_id).length;
  if (fix.rerun) {
    steps.push(
      others
        ? `runs ${count(others, 'other cell')}, then this cell again`
        : 'runs this cell again'
    );
  } else if (run.length) {
    steps.push(`runs ${count(run.length, 'cell')}`);
  }
  const sentence = steps.length ? steps.join(', ') : 'changes nothing';
  const undo =
    changes.length || inserts.length ? ' "Undo fix" puts it back.' : '';
  return `Applies the fix: ${sentence}; nothing else runs.${undo}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
