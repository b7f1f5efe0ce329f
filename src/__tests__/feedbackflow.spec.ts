import {
  FeedbackEvent,
  IFeedbackState,
  initialFeedbackState,
  nextFeedbackState,
  sendVerdict,
  UNCHANGED_MESSAGE
} from '../feedbackflow';
import { IStoredFeedback } from '../types';
import { diagnosis } from './fixtures';

const stored: IStoredFeedback = {
  feedback_id: 1,
  correct: true,
  labels: {},
  created: '2026-01-01T00:00:00Z'
};

/** The state after a run of events from the start of a crash without a verdict. */
function run(...events: FeedbackEvent[]): IFeedbackState {
  return events.reduce(nextFeedbackState, initialFeedbackState(null));
}

describe('the feedback state machine', () => {
  it('asks first, or shows the stored verdict', () => {
    expect(initialFeedbackState(null).phase).toBe('ask');
    expect(initialFeedbackState(stored)).toMatchObject({
      phase: 'done',
      feedback: stored
    });
  });

  it('"Right": sending, then done with the verdict', () => {
    expect(run({ type: 'send' }).phase).toBe('sending');
    expect(run({ type: 'send' }, { type: 'sent', feedback: stored })).toEqual({
      phase: 'done',
      feedback: stored,
      error: '',
      formMessage: ''
    });
  });

  it('a failed request asks again, saying why; a new attempt clears the reason', () => {
    const failed = run(
      { type: 'send' },
      { type: 'send-failed', reason: 'crash 7 is no longer in the history' }
    );
    expect(failed.phase).toBe('error');
    expect(failed.error).toBe('crash 7 is no longer in the history');
    const again = nextFeedbackState(failed, { type: 'send' });
    expect(again).toMatchObject({ phase: 'sending', error: '' });
    expect(nextFeedbackState(failed, { type: 'open-form' }).phase).toBe('form');
  });

  it('"Wrong…" opens the form; sending it unchanged asks for a change', () => {
    const form = run({ type: 'open-form' }, { type: 'unchanged' });
    expect(form).toMatchObject({
      phase: 'form',
      formMessage: UNCHANGED_MESSAGE
    });
    expect(nextFeedbackState(form, { type: 'send' })).toMatchObject({
      phase: 'sending',
      formMessage: ''
    });
  });

  it('labels that cannot be loaded are an error, not an empty form', () => {
    const state = run({ type: 'labels-failed', reason: 'offline' });
    expect(state.phase).toBe('error');
    expect(state.error).toBe('the labels could not be loaded (offline)');
  });

  it('"Cancel" goes back to the question, or to the verdict already stored', () => {
    expect(run({ type: 'open-form' }, { type: 'cancel' }).phase).toBe('ask');
    const withVerdict = [
      { type: 'change' },
      { type: 'open-form' },
      { type: 'cancel' }
    ].reduce(
      (s, e) => nextFeedbackState(s, e as FeedbackEvent),
      initialFeedbackState(stored)
    );
    expect(withVerdict).toMatchObject({ phase: 'done', feedback: stored });
  });

  it('"Change" after a verdict asks again', () => {
    expect(
      nextFeedbackState(initialFeedbackState(stored), { type: 'change' }).phase
    ).toBe('ask');
  });

  it('a verdict from the crash log shows, but never closes an open form or a request', () => {
    expect(run({ type: 'stored', feedback: stored }).phase).toBe('done');
    const form = run(
      { type: 'open-form' },
      { type: 'stored', feedback: stored }
    );
    expect(form).toMatchObject({ phase: 'form', feedback: stored });
    expect(nextFeedbackState(form, { type: 'cancel' }).phase).toBe('done');
    expect(
      run({ type: 'send' }, { type: 'stored', feedback: stored }).phase
    ).toBe('sending');
    expect(run({ type: 'stored', feedback: null })).toEqual(
      initialFeedbackState(null)
    );
  });

  it('ignores events that do not apply (a double click, a late answer)', () => {
    const sending = run({ type: 'send' });
    expect(nextFeedbackState(sending, { type: 'send' })).toBe(sending);
    expect(nextFeedbackState(sending, { type: 'open-form' })).toBe(sending);
    const asking = run();
    expect(nextFeedbackState(asking, { type: 'sent', feedback: stored })).toBe(
      asking
    );
    expect(nextFeedbackState(asking, { type: 'cancel' })).toBe(asking);
    expect(nextFeedbackState(asking, { type: 'change' })).toBe(asking);
  });
});

describe('sendVerdict', () => {
  const request = {
    crash_id: 7,
    correct: false,
    labels: { stage: 'training' }
  };

  it('dispatches send then sent, and resolves with what the log keeps', async () => {
    const events: FeedbackEvent[] = [];
    const feedback = await sendVerdict(
      request,
      diagnosis(),
      async body => {
        expect(body).toBe(request);
        return { feedback_id: 3, crash_id: 7 };
      },
      e => events.push(e)
    );
    expect(events.map(e => e.type)).toEqual(['send', 'sent']);
    expect(feedback).toMatchObject({ feedback_id: 3, correct: false });
    expect(feedback!.labels.stage).toBe('training');
    expect(feedback!.labels.crash_type).toBe('module_not_found');
  });

  it('dispatches send-failed with the server message and resolves with null', async () => {
    const events: FeedbackEvent[] = [];
    const feedback = await sendVerdict(
      request,
      diagnosis(),
      () => Promise.reject(new Error('crash 7 is no longer in the history')),
      e => events.push(e)
    );
    expect(feedback).toBeNull();
    expect(events).toEqual([
      { type: 'send' },
      { type: 'send-failed', reason: 'crash 7 is no longer in the history' }
    ]);
  });
});
