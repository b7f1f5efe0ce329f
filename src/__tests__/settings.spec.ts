import {
  DEFAULT_SETTINGS,
  hintConfidence,
  readSettings,
  showHint
} from '../settings';
import { diagnosis } from './fixtures';

describe('settings', () => {
  it('falls back to the defaults for missing or wrong values', () => {
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(
      readSettings({
        enabled: 'yes',
        minConfidence: 'high',
        historyLength: NaN
      })
    ).toEqual(DEFAULT_SETTINGS);
  });

  it('clamps numbers into range and rounds the history length', () => {
    const s = readSettings({ minConfidence: 3, historyLength: 2.6 });
    expect(s.minConfidence).toBe(1);
    expect(s.historyLength).toBe(10);
    expect(readSettings({ minConfidence: -1 }).minConfidence).toBe(0);
    expect(readSettings({ historyLength: 1e9 }).historyLength).toBe(10000);
  });

  it("reads the confidence to state a label, clamped, its default the schema's", () => {
    const schema = require('../../schema/plugin.json');
    expect(DEFAULT_SETTINGS.confidenceThreshold).toBe(
      schema.properties.confidenceThreshold.default
    );
    expect(
      readSettings({ confidenceThreshold: 0.55 }).confidenceThreshold
    ).toBe(0.55);
    expect(readSettings({ confidenceThreshold: 2 }).confidenceThreshold).toBe(
      1
    );
    expect(readSettings({ confidenceThreshold: 'x' }).confidenceThreshold).toBe(
      DEFAULT_SETTINGS.confidenceThreshold
    );
  });

  it('shows no cards when diagnosis is off', () => {
    const s = readSettings({ enabled: false, showInlineCards: true });
    expect(s.enabled).toBe(false);
    expect(s.showInlineCards).toBe(false);
    expect(readSettings({ sendCellSource: false }).sendCellSource).toBe(false);
  });

  it('judges the hint by the crash type, or the root cause for notebook causes', () => {
    const d = diagnosis({ confidence: { crash_type: 0.9, root_cause: 0.1 } });
    expect(hintConfidence(d)).toBe(0.9);
    expect(hintConfidence({ ...d, notebook_cause: 'out_of_order' })).toBe(0.1);
    expect(hintConfidence({ confidence: {} })).toBe(1);
    expect(showHint(d, 0.95)).toBe(false);
    expect(showHint(d, 0.9)).toBe(true);
  });
});
