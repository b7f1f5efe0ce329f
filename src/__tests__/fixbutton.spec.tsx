import { Signal } from '@lumino/signaling';
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

import { CrashCardView } from '../components/cardview';
import { CrashEntryView } from '../components/crashlist';
import { ICrashEntry } from '../crashlog';
import { FixState, IFixer } from '../fixaction';
import { IFix } from '../types';
import { entry, taxonomy } from './fixtures';

// The icon comes from @jupyterlab/ui-components, an ES module jest does not load.
jest.mock('../icon', () => ({ crashIcon: { react: () => null } }));

const nothing = () => undefined;

const fix: IFix = {
  title: 'Replace `X_tarin` with `X_train`',
  kind: 'typo',
  cell_id: 'c1',
  code_sha1: '0'.repeat(40),
  edits: [
    {
      op: 'replace',
      cell_id: 'c1',
      start: 10,
      end: 17,
      old: 'X_tarin',
      new: 'X_train'
    }
  ],
  rerun: true
};

/** A fixer that answers `state` for every crash. */
function fixer(state: FixState): IFixer {
  const changed = new Signal<IFixer, ICrashEntry>({} as IFixer);
  return {
    stateOf: () => state,
    apply: () => Promise.resolve(null),
    undo: () => null,
    changed
  };
}

const ready: FixState = {
  state: 'ready',
  fix,
  plan: {
    changes: [{ cellId: 'c1', before: 'a', after: 'b' }],
    inserts: [],
    goTo: null,
    run: ['c1']
  }
};

function card(e: ICrashEntry, f?: IFixer): string {
  return renderToStaticMarkup(
    <CrashCardView
      taxonomy={taxonomy()}
      onDetails={nothing}
      onReveal={nothing}
      minConfidence={0}
      confidenceThreshold={0}
      onFeedback={nothing}
      send={() => Promise.reject(new Error('not in the specs'))}
      entry={e}
      fixer={f}
    />
  );
}

function panelEntry(e: ICrashEntry, f?: IFixer): string {
  return renderToStaticMarkup(
    <CrashEntryView
      entry={e}
      taxonomy={taxonomy()}
      onReveal={nothing}
      minConfidence={0}
      confidenceThreshold={0}
      fixer={f}
    />
  );
}

describe('the fix button', () => {
  it.each([
    ['card', card],
    ['panel', panelEntry]
  ])(
    'in the %s: the title with its code spans, and what it will run',
    (_, view) => {
      const html = view(entry({ fix }), fixer(ready));
      expect(html).toContain('aria-label="Fix: Replace X_tarin with X_train"');
      expect(html).toContain(
        '>Replace <code>X_tarin</code> with <code>X_train</code></button>'
      );
      expect(html).toContain(
        'title="Applies the fix: edits this cell, runs this cell again; nothing else runs. &quot;Undo fix&quot; puts it back."'
      );
    }
  );

  it('is disabled, with the reason as tooltip, when the fix is refused', () => {
    const reason =
      'The cell changed since this crash; run it again for a new diagnosis.';
    const html = card(entry({ fix }), fixer({ state: 'refused', fix, reason }));
    expect(html).toContain(
      `<span class="jp-nbcrash-fix-wrapper" title="${reason}">`
    );
    expect(html).toMatch(
      /<button type="button" class="[^"]*jp-nbcrash-fix" disabled=""/
    );
    expect(html).toContain(
      `aria-label="Fix: Replace X_tarin with X_train. Unavailable: ${reason}"`
    );
  });

  it('turns into "Undo fix" once applied', () => {
    const html = panelEntry(entry({ fix }), fixer({ state: 'applied', fix }));
    expect(html).toContain(
      'aria-label="Undo fix: Replace X_tarin with X_train"'
    );
    expect(html).toContain('>Undo fix</button>');
  });

  it('is absent without a fix, or without a fixer', () => {
    const none = fixer({ state: 'none' });
    for (const view of [card, panelEntry]) {
      expect(view(entry({ fix: null }), none)).not.toContain('jp-nbcrash-fix');
      expect(view(entry({ fix }))).not.toContain('jp-nbcrash-fix');
    }
  });
});
