import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

import { CrashCardView, ICardProps } from '../components/cardview';
import { CrashEntryView } from '../components/crashlist';
import { FeedbackForm } from '../components/feedbackform';
import { ICrashEntry } from '../crashlog';
import { IDiagnosis, IStoredFeedback } from '../types';
import { entry, taxonomy } from './fixtures';

// The icon comes from @jupyterlab/ui-components, an ES module jest does not load.
jest.mock('../icon', () => ({ crashIcon: { react: () => null } }));

/** The text a user reads in some markup (tags dropped, entities decoded). */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const nothing = () => undefined;

function card(
  e: ICrashEntry,
  minConfidence = 0,
  confidenceThreshold = 0.7
): string {
  const props: ICardProps = {
    taxonomy: taxonomy(),
    onDetails: nothing,
    onReveal: nothing,
    minConfidence,
    confidenceThreshold,
    onFeedback: nothing,
    send: () => Promise.reject(new Error('not in the specs')),
    onCopy: nothing
  };
  return renderToStaticMarkup(<CrashCardView {...props} entry={e} />);
}

function panelEntry(
  e: ICrashEntry,
  minConfidence = 0,
  confidenceThreshold = 0.7
): string {
  return renderToStaticMarkup(
    <CrashEntryView
      entry={e}
      taxonomy={taxonomy()}
      onReveal={nothing}
      minConfidence={minConfidence}
      confidenceThreshold={confidenceThreshold}
      onCopy={nothing}
    />
  );
}

const notebookCause: Partial<IDiagnosis> = {
  crash_type: 'name_error',
  root_cause: 'notebook_specific',
  notebook_cause: 'out_of_order',
  hint: 'Run cell 4 first: it defines `scale`.',
  related_cell: { id: 'c4', index: 3, execution_count: null }
};

describe('the card and the panel show a diagnosis the same way', () => {
  it('the cause, "Go to cell" and the hint with its code spans', () => {
    const e = entry(notebookCause);
    for (const html of [card(e), panelEntry(e)]) {
      expect(text(html)).toContain(
        'Out-of-order execution (Notebook execution)'
      );
      expect(text(html)).toContain('Go to cell 4');
      expect(html).toContain('title="Scroll to cell 4, where the cause lies"');
      expect(html).toContain(
        'Run cell 4 first: it defines <code>scale</code>.'
      );
    }
  });

  it('the note instead of a hint the diagnosis is not sure enough of', () => {
    const e = entry({ confidence: { crash_type: 0.5 } });
    const note =
      'No hint: the diagnosis is only 50% sure (your minimum is 90%).';
    for (const html of [card(e, 0.9), panelEntry(e, 0.9)]) {
      expect(text(html)).toContain(note);
      expect(html).not.toContain('pip install foo');
    }
    expect(card(e, 0.5)).toContain('<code>pip install foo</code>');
  });

  it('the verdict: one sentence, the card thanking the user first', () => {
    const feedback: IStoredFeedback = {
      feedback_id: 1,
      correct: false,
      labels: { stage: 'training', crash_type: 'module_not_found' },
      created: '2026-01-01T00:00:00Z'
    };
    const e = entry({}, { feedback });
    const sentence = 'You corrected it: stage → Training.';
    expect(text(card(e))).toContain(`✗ Thanks! ${sentence}`);
    expect(text(panelEntry(e))).toContain(`✗ ${sentence}`);
    const right = entry({}, { feedback: { ...feedback, correct: true } });
    expect(text(card(right))).toContain(
      '✓ Thanks! You confirmed this diagnosis.'
    );
    expect(text(panelEntry(right))).toContain(
      '✓ You confirmed this diagnosis.'
    );
  });

  it('asks for a verdict only on a crash the server keeps', () => {
    expect(text(card(entry({})))).toContain('Is this diagnosis right?');
    expect(text(card(entry({ crash_id: null })))).not.toContain(
      'Is this diagnosis right?'
    );
  });
});

describe('the feedback form', () => {
  it('offers every title of each dimension, set to the diagnosis', () => {
    const html = renderToStaticMarkup(
      <FeedbackForm
        diagnosis={entry({}).diagnosis!}
        taxonomy={taxonomy()}
        idPrefix="f"
        threshold={0.7}
        message=""
        onSubmit={nothing}
        onCancel={nothing}
      />
    );
    expect(html).toContain('<select id="f-crash_type" name="crash_type"');
    expect(html).toContain(
      '<option value="module_not_found" title="About module_not_found." selected="">Module not found</option>'
    );
    // A notebook cause may be none.
    expect(html).toMatch(
      /name="notebook_cause"[^>]*><option value="" selected="">— none —<\/option>/
    );
  });
});
