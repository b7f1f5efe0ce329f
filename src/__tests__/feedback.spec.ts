import {
  correctedLabels,
  feedbackSummary,
  storedFeedback,
  wrongFeedback
} from '../feedback';
import { IStoredFeedback } from '../types';
import { diagnosis, titleOf } from './fixtures';

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

describe('the feedback summary', () => {
  const verdict = (
    correct: boolean,
    labels: IStoredFeedback['labels']
  ): IStoredFeedback => ({
    feedback_id: 1,
    correct,
    labels,
    created: '2026-01-01T00:00:00Z'
  });

  it('says a confirmation in one sentence', () => {
    expect(feedbackSummary(verdict(true, {}), diagnosis(), titleOf)).toBe(
      'You confirmed this diagnosis.'
    );
  });

  it("names each corrected label with its title, in the form's order", () => {
    const fb = verdict(false, {
      stage: 'training',
      crash_type: 'module_not_found',
      root_cause: 'notebook_specific',
      ml_bug: true
    });
    expect(correctedLabels(fb, diagnosis())).toEqual([
      { dimension: 'root_cause', id: 'notebook_specific' },
      { dimension: 'stage', id: 'training' }
    ]);
    expect(feedbackSummary(fb, diagnosis(), titleOf)).toBe(
      'You corrected it: root cause → Notebook execution, stage → Training.'
    );
  });

  it('leaves out a label cleared to none', () => {
    const d = diagnosis({
      root_cause: 'notebook_specific',
      notebook_cause: 'out_of_order'
    });
    const fb = verdict(false, { notebook_cause: null, root_cause: 'x' });
    expect(feedbackSummary(fb, d, titleOf)).toBe(
      'You corrected it: root cause → x.'
    );
    expect(
      feedbackSummary(verdict(false, { notebook_cause: null }), d, titleOf)
    ).toBe('You corrected it.');
  });
});
