import { modelLine, modelTooltip, trainedOnCount } from '../modelline';

describe("the panel's model line", () => {
  it('the shipped model: what it was trained on', () => {
    const shipped = {
      source: 'shipped',
      path: 'x/data',
      trained_on: { 'corpus.jsonl': 688, 'study.jsonl': 390 }
    };
    expect(modelLine(shipped)).toBe('Model: shipped (trained on 1078 crashes)');
    expect(modelTooltip(shipped)).toContain(
      'Trained on: corpus.jsonl 688, study.jsonl 390.'
    );
    // The date is for the user's own model; the shipped one keeps its count.
    expect(
      modelLine({ ...shipped, created: '2026-12-05T19:14:02+00:00' })
    ).toBe('Model: shipped (trained on 1078 crashes)');
  });

  it("the user's retrained model: its corrections and day, when the server says", () => {
    const user = {
      source: 'user',
      path: 'y',
      trained_on: { 'corpus.jsonl': 688, feedback: 5 },
      created: '2026-12-06T01:02:03+00:00',
      corrections: 5
    };
    expect(modelLine(user)).toBe('Model: yours, 5 corrections, 2026-12-06');
    expect(modelLine({ ...user, corrections: 1, created: null })).toBe(
      'Model: yours, 1 correction'
    );
    // A server that sends neither: the count, as for the shipped model.
    expect(
      modelLine({ source: 'user', path: 'y', trained_on: { a: 693 } })
    ).toBe('Model: yours (trained on 693 crashes)');
  });

  it('no model, a configured one, nothing known', () => {
    expect(modelLine({ source: 'none', path: null, trained_on: null })).toBe(
      'Model: none (rules only)'
    );
    expect(modelLine({ source: 'explicit', path: 'p', trained_on: 12 })).toBe(
      'Model: configured (trained on 12 crashes)'
    );
    expect(modelLine({ source: 'shipped', path: null, trained_on: null })).toBe(
      'Model: shipped'
    );
    expect(modelLine(null)).toBe('');
    expect(trainedOnCount(['a'])).toBeNull();
    expect(trainedOnCount({ a: 'x' })).toBeNull();
  });
});
