import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

import { CrashCardView } from '../components/cardview';
import { CrashEntryView } from '../components/crashlist';
import { FeedbackForm } from '../components/feedbackform';
import { ModelLine, PanelHeader } from '../components/panelheader';
import { ConfidenceTable } from '../components/why';
import { entryFromServer, inThisSession } from '../crashlog';
import { Taxonomy } from '../taxonomy';
import { IDiagnosis } from '../types';
import { diagnosis, entry, storedCrash } from './fixtures';

// The icon comes from @jupyterlab/ui-components, an ES module jest does not load.
jest.mock('../icon', () => ({ crashIcon: { react: () => null } }));

const nothing = () => undefined;

/** The text a user reads in some markup. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function taxonomy(): Taxonomy {
  const entries = (...pairs: [string, string][]) =>
    pairs.map(([id, title]) => ({ id, title, description: `About ${id}.` }));
  return new Taxonomy(
    {
      version: '2025.1',
      study: 'test',
      crash_type: entries(
        ['value_error', 'Invalid value'],
        ['key_error', 'Missing key']
      ),
      root_cause: entries(
        ['api_misuse', 'API misuse'],
        ['data_confusion', 'Data confusion'],
        ['implementation_error', 'Implementation error'],
        ['unknown', 'Unknown']
      ),
      notebook_cause: entries(['out_of_order', 'Out-of-order execution']),
      stage: entries(
        ['data_preparation', 'Data preparation'],
        ['training', 'Training']
      ),
      library: entries(['pandas', 'pandas'], ['none', 'None'])
    },
    () => Promise.reject(new Error('no server in the specs'))
  );
}

/** Sure of the crash type, the stage and the library; torn on the root cause. */
const torn: Partial<IDiagnosis> = {
  crash_type: 'value_error',
  root_cause: 'api_misuse',
  stage: 'data_preparation',
  library: 'pandas',
  confidence: { crash_type: 0.93, root_cause: 0.48, stage: 0.81, library: 0.9 },
  alternatives: {
    crash_type: [
      { id: 'value_error', p: 0.93 },
      { id: 'key_error', p: 0.04 }
    ],
    root_cause: [
      { id: 'api_misuse', p: 0.48 },
      { id: 'data_confusion', p: 0.31 },
      { id: 'implementation_error', p: 0.12 }
    ],
    stage: [
      { id: 'data_preparation', p: 0.81 },
      { id: 'training', p: 0.1 }
    ],
    library: [{ id: 'pandas', p: 0.9 }]
  }
};

const NOT_SURE = 'API misuse or data confusion — not sure (48% / 31%)';

function card(d: Partial<IDiagnosis>, threshold: number): string {
  return renderToStaticMarkup(
    <CrashCardView
      entry={entry(d)}
      taxonomy={taxonomy()}
      onDetails={nothing}
      onReveal={nothing}
      minConfidence={0}
      confidenceThreshold={threshold}
      onFeedback={nothing}
      send={() => Promise.reject(new Error('not in the specs'))}
    />
  );
}

function panelEntry(d: Partial<IDiagnosis>, threshold: number): string {
  return renderToStaticMarkup(
    <CrashEntryView
      entry={entry(d)}
      taxonomy={taxonomy()}
      onReveal={nothing}
      minConfidence={0}
      confidenceThreshold={threshold}
    />
  );
}

describe('the card and the panel say how sure', () => {
  it('a root cause below the threshold: the two likeliest with their shares', () => {
    for (const html of [card(torn, 0.7), panelEntry(torn, 0.7)]) {
      expect(text(html)).toContain(NOT_SURE);
      expect(html).toMatch(/class="[^"]*jp-nbcrash-unsure"/);
      // The sure labels are shown as facts.
      expect(text(html)).toContain('Invalid value');
      expect(text(html)).not.toContain('Invalid value or');
      expect(text(html)).toContain('Data preparation');
      expect(text(html)).not.toContain('Data preparation or');
    }
    expect(card(torn, 0.7)).toContain(
      'Not sure: 48% likely, below your 70% to state it; the runner-up has 31%.'
    );
  });

  it('the threshold decides: a low one states the label, a high one hedges the stage too', () => {
    for (const html of [card(torn, 0.4), panelEntry(torn, 0.4)]) {
      expect(text(html)).not.toContain('not sure');
      expect(text(html)).toContain('API misuse');
    }
    expect(text(card(torn, 0.85))).toContain(
      'Data preparation or training — not sure (81% / 10%)'
    );
    expect(text(panelEntry(torn, 0.95))).toContain(
      'pandas' // the library has no runner-up: stated
    );
    expect(text(panelEntry(torn, 0.95))).not.toContain('pandas or');
  });

  it('a crash stored before alternatives existed is shown as before', () => {
    const old = { ...torn, alternatives: undefined };
    expect(text(card(old, 0.7))).not.toContain('not sure');
    expect(text(panelEntry(old, 0.7))).toContain('API misuse');
  });
});

describe('"Why?" shows the alternatives as bars', () => {
  it('a bar per ranked label of each dimension, the chosen one first', () => {
    const html = renderToStaticMarkup(
      <ConfidenceTable diagnosis={diagnosis(torn)} taxonomy={taxonomy()} />
    );
    const rootCause = html.match(
      /<dd data-dimension="root_cause">(.*?)<\/dd>/
    )![1];
    expect(text(rootCause)).toBe(
      'API misuse 48% Data confusion 31% Implementation error 12%'
    );
    expect(rootCause.match(/role="meter"/g)).toHaveLength(3);
    expect(rootCause).toContain('aria-valuenow="31"');
    expect(rootCause).toContain('style="width:31%"');
    expect(rootCause.match(/jp-nbcrash-confidence-alt/g)).toHaveLength(2);
    // The library has one ranked label: one bar.
    const library = html.match(/<dd data-dimension="library">(.*?)<\/dd>/)![1];
    expect(library.match(/role="meter"/g)).toHaveLength(1);
  });
});

describe('the feedback form offers the alternatives first', () => {
  function form(d: Partial<IDiagnosis>): string {
    return renderToStaticMarkup(
      <FeedbackForm
        diagnosis={diagnosis(d)}
        taxonomy={taxonomy()}
        idPrefix="f"
        threshold={0.7}
        message=""
        onSubmit={nothing}
        onCancel={nothing}
      />
    );
  }

  it('one-click corrections, the unsure root cause first, before the selects', () => {
    const html = form(torn);
    const buttons = [
      ...html.matchAll(
        /data-dimension="(\w+)" data-label="(\w+)"[^>]*>([^<]*)<\/button>/g
      )
    ].map(m => `${m[1]}:${m[2]}:${m[3]}`);
    expect(buttons).toEqual([
      'root_cause:data_confusion:It was: data confusion',
      'root_cause:implementation_error:It was: implementation error',
      'stage:training:It was: training'
      // key_error (4%) is below the share worth a button.
    ]);
    expect(html.indexOf('jp-nbcrash-feedback-alt')).toBeLessThan(
      html.indexOf('<select')
    );
    expect(text(html)).toContain('Or pick the right label(s)');
  });

  it('each select lists the ranked labels first', () => {
    const html = form(torn);
    const select = html.match(/<select id="f-root_cause".*?<\/select>/)![0];
    expect(
      [...select.matchAll(/<option value="(\w+)"/g)].map(m => m[1])
    ).toEqual([
      'api_misuse',
      'data_confusion',
      'implementation_error',
      'unknown'
    ]);
    expect(select).toContain('<optgroup label="Likeliest">');
  });

  it('without alternatives: no buttons, the taxonomy order', () => {
    const html = form({ ...torn, alternatives: undefined });
    expect(html).not.toContain('jp-nbcrash-feedback-alt');
    expect(html).not.toContain('optgroup');
    expect(text(html)).toContain('Pick the right label(s)');
  });
});

describe('the panel: this session, "Earlier: N", the model', () => {
  const header = (earlier: number, showEarlier: boolean, total = 2) =>
    renderToStaticMarkup(
      <PanelHeader
        total={total}
        shown={total}
        filtering={false}
        earlier={earlier}
        showEarlier={showEarlier}
        onToggleEarlier={nothing}
        onClear={nothing}
      />
    );

  it('"Earlier: 477" toggles, pressed while shown; none without earlier crashes', () => {
    expect(header(477, false)).toMatch(
      /<button[^>]*class="jp-nbcrash-button jp-nbcrash-earlier" aria-pressed="false"[^>]*>Earlier: 477<\/button>/
    );
    expect(header(477, true)).toContain('aria-pressed="true"');
    expect(header(0, false)).not.toContain('jp-nbcrash-earlier');
    // Nothing of this session yet, but earlier crashes: the toggle and "Clear".
    const empty = header(3, false, 0);
    expect(empty).toContain('Earlier: 3');
    expect(empty).toContain('jp-nbcrash-clear');
    expect(header(0, false, 0)).not.toContain('jp-nbcrash-clear');
  });

  it('a crash of an earlier server session is marked so in the log', () => {
    const crash = (thisSession?: boolean) =>
      storedCrash({ this_session: thisSession });
    expect(inThisSession(entryFromServer(crash(false)))).toBe(false);
    expect(inThisSession(entryFromServer(crash(true)))).toBe(true);
    // An older server that does not say: this session's, as before.
    expect(inThisSession(entryFromServer(crash(undefined)))).toBe(true);
  });

  it("a crash's fix outcome beside its time in the panel, nothing without one", () => {
    const render = (fixResult?: {
      applied: boolean;
      rerun_ok: boolean | null;
    }) =>
      renderToStaticMarkup(
        <CrashEntryView
          entry={entry({}, { fixResult })}
          taxonomy={taxonomy()}
          onReveal={nothing}
          minConfidence={0}
          confidenceThreshold={0.7}
        />
      );
    expect(render({ applied: true, rerun_ok: true })).toMatch(
      /<span class="jp-nbcrash-fix-result" data-tone="ok" title="[^"]+">fixed ✓<\/span>/
    );
    expect(text(render({ applied: false, rerun_ok: null }))).toContain(
      'fix undone'
    );
    expect(render(undefined)).not.toContain('jp-nbcrash-fix-result');
  });

  it('the model line, quiet, with its details as the tooltip', () => {
    const html = renderToStaticMarkup(
      <ModelLine text="Model: shipped (trained on 1078 crashes)" tooltip="t" />
    );
    expect(html).toBe(
      '<p class="jp-nbcrash-model" title="t">Model: shipped (trained on 1078 crashes)</p>'
    );
    expect(renderToStaticMarkup(<ModelLine text="" tooltip="" />)).toBe('');
  });
});
