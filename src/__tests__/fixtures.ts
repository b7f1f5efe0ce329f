/** Test data shared by the frontend specs. */
import { ICellModel } from '@jupyterlab/cells';

import { ICrashEntry } from '../crashlog';
import { Taxonomy } from '../taxonomy';
import { IDiagnosis, IStoredCrash } from '../types';

/** A diagnosis of a missing module, with `over` changed. */
export function diagnosis(over: Partial<IDiagnosis> = {}): IDiagnosis {
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

/** A crash log entry (pending when `d` is null), each with its own key and cell. */
export function entry(
  d: Partial<IDiagnosis> | null,
  over: Partial<ICrashEntry> = {}
) {
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

/** Titles as GET /nbcrash/taxonomy gives them, for the ids the specs use. */
const TITLES: { [key: string]: string } = {
  module_not_found: 'Module not found',
  environment_setting: 'Environment setting',
  environment_setup: 'Environment setup',
  none: 'None (plain Python)',
  out_of_order: 'Out-of-order execution',
  notebook_specific: 'Notebook execution',
  training: 'Training',
  api_misuse: 'API misuse',
  data_confusion: 'Data confusion',
  implementation_error: 'Implementation error',
  data_preparation: 'Data preparation'
};

/** The title of an id (the id itself when the specs have none for it). */
export const titleOf = (_dim: string, id: string) => TITLES[id] ?? id;

/** A loaded taxonomy with the specs' titles (its `load` never calls a server). */
export function taxonomy(): Taxonomy {
  const entries = (...ids: string[]) =>
    ids.map(id => ({
      id,
      title: titleOf('', id),
      description: `About ${id}.`
    }));
  return new Taxonomy(
    {
      version: '2025.1',
      study: 'test',
      crash_type: entries('module_not_found', 'name_error'),
      root_cause: entries('environment_setting', 'notebook_specific'),
      notebook_cause: entries('out_of_order'),
      stage: entries('environment_setup', 'training'),
      library: entries('none')
    },
    () => Promise.reject(new Error('no server in the specs'))
  );
}

/** Just what the request building reads of a cell model: source, count and outputs. */
export function cellModel(
  id: string,
  type: string,
  source: string,
  executionCount: number | null = null,
  outputs: { output_type: string; [key: string]: unknown }[] = []
): ICellModel {
  return {
    id,
    type,
    executionCount,
    sharedModel: { getSource: () => source },
    outputs: {
      length: outputs.length,
      get: (i: number) => ({
        type: outputs[i].output_type,
        toJSON: () => outputs[i]
      })
    }
  } as unknown as ICellModel;
}

/** A crash as GET /nbcrash/crashes lists it, with `over` changed. */
export function storedCrash(over: Partial<IStoredCrash> = {}): IStoredCrash {
  return {
    crash_id: 1,
    created: '2026-12-01T00:00:00+00:00',
    notebook_path: 'a.ipynb',
    cell_id: 'c',
    cell_index: 0,
    execution_count: 1,
    ename: 'E',
    evalue: '',
    diagnosis: diagnosis(),
    feedback: null,
    ...over
  };
}
