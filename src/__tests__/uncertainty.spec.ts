import { feedbackSummary, wrongFeedback } from '../feedback';
import { diagnosis, titleOf } from './fixtures';
import {
  alternativesOf,
  eitherTitle,
  lowerFirst,
  quickCorrections,
  sureness,
  surenessText
} from '../uncertainty';

/** A diagnosis torn between API misuse (48%) and data confusion (31%). */
const torn = diagnosis({
  root_cause: 'api_misuse',
  confidence: { crash_type: 0.97, root_cause: 0.48, stage: 0.9 },
  alternatives: {
    crash_type: [{ id: 'module_not_found', p: 0.97 }],
    root_cause: [
      { id: 'api_misuse', p: 0.48 },
      { id: 'data_confusion', p: 0.31 },
      { id: 'implementation_error', p: 0.12 }
    ],
    stage: [
      { id: 'environment_setup', p: 0.9 },
      { id: 'training', p: 0.06 }
    ]
  }
});

describe('how sure a label is', () => {
  it('a label at or above the threshold is sure; below it, not sure with the runner-up', () => {
    expect(sureness(torn, 'root_cause', 0.7)).toEqual({
      dimension: 'root_cause',
      sure: false,
      chosen: { id: 'api_misuse', p: 0.48 },
      second: { id: 'data_confusion', p: 0.31 }
    });
    expect(sureness(torn, 'root_cause', 0.48).sure).toBe(true);
    expect(sureness(torn, 'root_cause', 0.49).sure).toBe(false);
    expect(sureness(torn, 'stage', 0.7)).toMatchObject({
      sure: true,
      second: null
    });
    // Threshold 0 states everything; 1 hedges every label with a runner-up.
    expect(sureness(torn, 'root_cause', 0).sure).toBe(true);
    expect(sureness(torn, 'stage', 1).sure).toBe(false);
  });

  it('says "A or b — not sure (48% / 31%)", the title alone when sure', () => {
    const s = sureness(torn, 'root_cause', 0.7);
    expect(surenessText(s, titleOf)).toBe(
      'API misuse or data confusion — not sure (48% / 31%)'
    );
    expect(surenessText(sureness(torn, 'stage', 0.7), titleOf)).toBe(
      'Environment setup'
    );
    // The cause's own words replace the chosen title.
    expect(eitherTitle(s, titleOf, 'Out-of-order execution (X)')).toBe(
      'Out-of-order execution (X) or data confusion'
    );
  });

  it('a title inside the sentence is lower case unless it starts with an acronym', () => {
    expect(lowerFirst('Data confusion')).toBe('data confusion');
    expect(lowerFirst('API misuse')).toBe('API misuse');
    expect(lowerFirst('A second thing')).toBe('a second thing');
  });

  it('a diagnosis without alternatives (stored earlier, rules only) has its label alone: sure', () => {
    const old = diagnosis({ confidence: { root_cause: 0.3 } });
    expect(alternativesOf(old, 'root_cause')).toEqual([
      { id: 'environment_setting', p: 0.3 }
    ]);
    expect(sureness(old, 'root_cause', 0.7).sure).toBe(true);
    // No confidence at all: nothing to doubt it by.
    expect(alternativesOf(diagnosis({ confidence: {} }), 'library')).toEqual([
      { id: 'none', p: 1 }
    ]);
  });

  it('keeps the chosen label first and drops malformed or repeated entries', () => {
    const odd = diagnosis({
      root_cause: 'api_misuse',
      confidence: { root_cause: 0.4 },
      alternatives: {
        root_cause: [
          { id: 'data_confusion', p: 0.45 },
          { id: 'api_misuse', p: 0.4 },
          { id: '', p: 0.1 },
          { id: 'data_confusion', p: 0.05 },
          { id: 'unknown', p: Number.NaN },
          null as any,
          { id: 'implementation_error', p: 1.7 }
        ]
      }
    });
    expect(alternativesOf(odd, 'root_cause')).toEqual([
      { id: 'api_misuse', p: 0.4 },
      { id: 'implementation_error', p: 1 },
      { id: 'data_confusion', p: 0.45 }
    ]);
  });
});

describe('the one-click corrections', () => {
  it('offer the ranked labels after the chosen one, the unsure dimensions first', () => {
    expect(quickCorrections(torn, 0.7)).toEqual([
      { dimension: 'root_cause', id: 'data_confusion', p: 0.31 },
      { dimension: 'root_cause', id: 'implementation_error', p: 0.12 },
      { dimension: 'stage', id: 'training', p: 0.06 }
    ]);
    // Unsure of the stage only: the stage first.
    const unsureStage = { ...torn, confidence: { ...torn.confidence } };
    unsureStage.alternatives = {
      ...torn.alternatives,
      root_cause: [
        { id: 'api_misuse', p: 0.8 },
        { id: 'data_confusion', p: 0.1 }
      ],
      stage: [
        { id: 'environment_setup', p: 0.5 },
        { id: 'training', p: 0.4 }
      ]
    };
    unsureStage.confidence.root_cause = 0.8;
    unsureStage.confidence.stage = 0.5;
    expect(
      quickCorrections(unsureStage, 0.7).map(q => `${q.dimension}:${q.id}`)
    ).toEqual(['stage:training', 'root_cause:data_confusion']);
    expect(quickCorrections(diagnosis(), 0.7)).toEqual([]);
  });

  it('one of them is a "wrong" verdict with that one label', () => {
    const [first] = quickCorrections(torn, 0.7);
    const request = wrongFeedback(7, torn, { [first.dimension]: first.id });
    expect(request).toEqual({
      crash_id: 7,
      correct: false,
      labels: { root_cause: 'data_confusion' }
    });
    const stored = {
      feedback_id: 1,
      correct: false,
      labels: { ...torn, ...request!.labels } as any,
      created: ''
    };
    expect(feedbackSummary(stored, torn, titleOf)).toBe(
      'You corrected it: root cause → Data confusion.'
    );
  });
});
