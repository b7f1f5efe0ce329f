/**
 * Shapes of the nbcrash wire API, one per route of `api.ts` (docs/ARCHITECTURE.md, "Wire API",
 * describes the routes). The label ids inside are opaque strings: their titles come from
 * GET /nbcrash/taxonomy.
 */

/** A cell's error output as a saved notebook keeps it: that cell's last run failed. */
export interface IWireSavedError {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** One cell of the notebook as sent with a diagnose request. */
export interface IWireCell {
  id: string;
  index: number;
  source: string;
  execution_count: number | null;
  cell_type: string;
  /**
   * Only for an error restored from a saved notebook (no history): the cell's first saved
   * error output, null when it has none (docs/ARCHITECTURE.md, "Saved notebooks").
   */
  error?: IWireSavedError | null;
}

/** One execution of the current (or previous) kernel session, oldest first. */
export interface IWireExecution {
  cell_id: string;
  execution_count: number | null;
  ok: boolean;
  ename?: string;
  evalue?: string;
}

/** The notebook around a crashing cell. */
export interface IWireNotebook {
  path: string;
  cells: IWireCell[];
  history: IWireExecution[];
  previous_history: IWireExecution[];
}

/** Body of POST /nbcrash/diagnose. */
export interface IDiagnoseRequest {
  ename: string;
  evalue: string;
  traceback: string[];
  code?: string;
  cell_id?: string;
  execution_count?: number | null;
  cell_index?: number;
  notebook?: IWireNotebook;
  store?: boolean;
}

/** The other cell a diagnosis points at ("Run cell [k] first"). */
export interface IRelatedCell {
  id: string;
  index: number;
  execution_count: number | null;
}

/** The dimensions the server ranks alternatives for. */
export type RankedDimension = 'crash_type' | 'root_cause' | 'stage' | 'library';

/** One ranked label of a dimension with its calibrated probability. */
export interface IAlternative {
  id: string;
  p: number;
}

/** Answer of POST /nbcrash/diagnose. */
export interface IDiagnosis {
  crash_type: string;
  root_cause: string;
  notebook_cause: string | null;
  stage: string;
  library: string;
  ml_bug: boolean;
  confidence: { [dimension: string]: number };
  /**
   * The likeliest labels per dimension (at most 3, likeliest first, the chosen label first
   * with its `confidence`). Absent on crashes stored before the field existed.
   */
  alternatives?: { [D in RankedDimension]?: IAlternative[] };
  hint: string;
  evidence: string[];
  related_cell: IRelatedCell | null;
  /** The mechanical cure, when there is one (null when it needs judgment; absent from older servers). */
  fix?: IFix | null;
  taxonomy_version: string;
  crash_id?: number | null;
  created?: string;
}

/** The kinds of one-click fix the server proposes. */
export type FixKind =
  | 'typo'
  | 'import'
  | 'install'
  | 'removed_api'
  | 'run_first'
  | 'go_to_cell'
  | 'file_path';

/**
 * Replace the text between `start` and `end` of a cell with `new`. The offsets count Python
 * code points (not UTF-16 units); `old` is the text expected there. Several replaces in one
 * cell come last-first, so that each one's offsets hold when it is applied.
 */
export interface IFixReplace {
  op: 'replace';
  cell_id: string;
  start: number;
  end: number;
  old: string;
  new: string;
}

/** A new code cell before the cell at `index` of the notebook; never run by the fix. */
export interface IFixInsertCell {
  op: 'insert_cell';
  index: number;
  source: string;
  run: false;
}

/** Run these cells, in this order. */
export interface IFixRunCells {
  op: 'run_cells';
  cell_ids: string[];
}

/** Bring a cell into view. */
export interface IFixGoToCell {
  op: 'go_to_cell';
  cell_id: string;
}

export type FixEdit =
  IFixReplace | IFixInsertCell | IFixRunCells | IFixGoToCell;

/** A one-click fix of a diagnosis: the button's title and the edits, as data. */
export interface IFix {
  /** The button's text; may hold `code spans`. */
  title: string;
  kind: FixKind;
  /** The crashing cell. */
  cell_id: string;
  /** SHA-1 (hex) of the crashing cell's source (UTF-8) as diagnosed. */
  code_sha1: string;
  edits: FixEdit[];
  /** Run the crashing cell again once the edits are made. */
  rerun: boolean;
}

/** The dimensions a diagnosis is labelled along (each one a user may correct). */
export type Dimension =
  'crash_type' | 'root_cause' | 'notebook_cause' | 'stage' | 'library';

/** Body of POST /nbcrash/feedback. */
export interface IFeedbackRequest {
  crash_id: number;
  correct: boolean;
  labels?: { [D in Dimension]?: string | null };
}

/** Body of POST /nbcrash/feedback reporting what became of a diagnosis's fix. */
export interface IFixFeedbackRequest {
  crash_id: number;
  fix: {
    applied: boolean;
    /** Whether the crashing cell's re-run succeeded; null when it was not re-run. */
    rerun_ok: boolean | null;
  };
}

/** Answer of POST /nbcrash/feedback. */
export interface IFeedbackResponse {
  feedback_id: number;
  crash_id: number;
}

/** The feedback kept with a crash of the history. */
export interface IStoredFeedback {
  feedback_id: number;
  correct: boolean;
  /** The labels the user confirmed or chose. */
  labels: { [dimension: string]: string | boolean | null };
  created: string;
}

/** One crash of GET /nbcrash/crashes. */
export interface IStoredCrash {
  crash_id: number;
  created: string;
  notebook_path: string;
  cell_id: string;
  cell_index: number | null;
  execution_count: number | null;
  ename: string;
  evalue: string;
  diagnosis: IDiagnosis;
  /** The verdict (the server sends `correct: null` when only a fix's outcome was sent). */
  feedback: IStoredFeedback | null;
  /** What became of the diagnosis's fix (absent from older servers). */
  fix_result?: IFixFeedbackRequest['fix'] | null;
  /** Diagnosed in this server session (false: an earlier one). */
  this_session?: boolean;
}

/** Answer of GET /nbcrash/crashes, newest first. */
export interface ICrashesResponse {
  crashes: IStoredCrash[];
  /** How many crashes of earlier server sessions match the same filters. */
  earlier: number;
}

/** Which crashes GET /nbcrash/crashes lists: this server session's, earlier ones, or all. */
export type CrashScope = 'session' | 'earlier' | 'all';

/** Filters of GET /nbcrash/crashes (all optional; the server's default limit applies). */
export interface ICrashesQuery {
  /** The server's default is 'session'. */
  scope?: CrashScope;
  crash_type?: string;
  stage?: string;
  library?: string;
  /** A notebook path. */
  notebook?: string;
  limit?: number;
}

/** Answer of DELETE /nbcrash/crashes. */
export interface IClearResponse {
  deleted: number;
}

/** One label of a taxonomy dimension. */
export interface ITaxonomyEntry {
  id: string;
  title: string;
  description: string;
}

/** Answer of GET /nbcrash/taxonomy: every dimension's labels with title and description. */
export interface ITaxonomyData {
  version: string;
  study: string;
  [dimension: string]: ITaxonomyEntry[] | string;
}

/** The model in use, as GET /nbcrash/status describes it. */
export interface IModelStatus {
  /** "explicit" (configured), "user" (retrained), "shipped" or "none". */
  source: string;
  path: string | null;
  /** Examples per training file ({"corpus.jsonl": 688, …}), or a total. */
  trained_on: unknown;
  /** When the model was trained (ISO 8601), when the server says. */
  created?: string | null;
  /** How many of the user's corrections it learnt from, when the server says. */
  corrections?: number | null;
}

/** Answer of GET /nbcrash/status. */
export interface IServerStatus {
  version: string;
  taxonomy_version: string;
  /** Which model diagnoses: "explicit" (configured), "user", "shipped" or "none". */
  model: IModelStatus;
  history_length: number;
  max_body_size: number;
}
