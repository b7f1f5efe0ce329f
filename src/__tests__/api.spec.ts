import { ServerConnection } from '@jupyterlab/services';

import {
  clearCrashes,
  diagnose,
  getCrashes,
  getStatus,
  getTaxonomy,
  sendFeedback,
  sendFixFeedback
} from '../api';
import { diagnosis } from './fixtures';

interface ICall {
  method: string;
  url: string;
  body: string;
}

/** Server settings whose fetch records each request and answers with `reply`. */
function fakeServer(reply: (call: ICall) => Response): {
  settings: ServerConnection.ISettings;
  calls: ICall[];
} {
  const calls: ICall[] = [];
  const settings = ServerConnection.makeSettings({
    baseUrl: 'http://localhost:8888/lab-base/',
    wsUrl: 'ws://localhost:8888/lab-base/',
    token: 'secret',
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const call = {
        method: request.method,
        // Without the cache buster ServerConnection appends to every URL.
        url: request.url.replace(/[?&]\d+$/, ''),
        body: await request.text()
      };
      calls.push(call);
      return reply(call);
    }
  });
  return { settings, calls };
}

const json = (data: unknown, status = 200) =>
  new Response(JSON.stringify(data), {
    status,
    headers: { 'Content-Type': 'application/json' }
  });

describe('the server API', () => {
  it('calls each route under /nbcrash/ with its method and body', async () => {
    const { settings, calls } = fakeServer(call =>
      json(
        call.url.includes('/crashes') && call.method === 'GET'
          ? { crashes: [] }
          : {}
      )
    );
    const body = { ename: 'NameError', evalue: 'x', traceback: [] };
    await diagnose(body, settings);
    await getTaxonomy(settings);
    await getCrashes({}, settings);
    await clearCrashes(settings);
    await sendFeedback({ crash_id: 7, correct: true }, settings);
    await getStatus(settings);
    const fixed = { crash_id: 7, fix: { applied: true, rerun_ok: false } };
    await sendFixFeedback(fixed, settings);
    const base = 'http://localhost:8888/lab-base/nbcrash';
    expect(calls.map(c => `${c.method} ${c.url}`)).toEqual([
      `POST ${base}/diagnose`,
      `GET ${base}/taxonomy`,
      `GET ${base}/crashes`,
      `DELETE ${base}/crashes`,
      `POST ${base}/feedback`,
      `GET ${base}/status`,
      `POST ${base}/feedback`
    ]);
    expect(JSON.parse(calls[0].body)).toEqual(body);
    expect(JSON.parse(calls[4].body)).toEqual({ crash_id: 7, correct: true });
    expect(JSON.parse(calls[6].body)).toEqual(fixed);
  });

  it('returns the answer typed, and the crash list with the earlier count', async () => {
    const d = diagnosis();
    const { settings, calls } = fakeServer(call =>
      call.url.includes('/diagnose')
        ? json(d)
        : json({ crashes: [{ crash_id: 3 }], earlier: 477 })
    );
    expect(
      await diagnose({ ename: 'E', evalue: '', traceback: [] }, settings)
    ).toEqual(d);
    const answer = await getCrashes(
      { stage: 'training', notebook: 'a b.ipynb', library: '', limit: 5 },
      settings
    );
    expect(answer).toEqual({ crashes: [{ crash_id: 3 }], earlier: 477 });
    // Empty filters are left out; values are URL-encoded.
    expect(calls[1].url).toMatch(
      /\/nbcrash\/crashes\?stage=training&notebook=a\+b\.ipynb&limit=5$/
    );
  });

  it('asks for a scope of the history; an answer without a count has 0 earlier', async () => {
    const { settings, calls } = fakeServer(() =>
      json({ crashes: [{ crash_id: 4 }] })
    );
    expect(await getCrashes({ scope: 'earlier' }, settings)).toEqual({
      crashes: [{ crash_id: 4 }],
      earlier: 0
    });
    await getCrashes({ scope: 'session', crash_type: 'name_error' }, settings);
    expect(calls.map(c => c.url.replace(/^.*\/nbcrash\//, ''))).toEqual([
      'crashes?scope=earlier',
      'crashes?scope=session&crash_type=name_error'
    ]);
  });

  it("raises the server's error message on a 4xx answer", async () => {
    const { settings } = fakeServer(() =>
      json({ error: 'crash 7 is no longer in the history (cleared?)' }, 404)
    );
    await expect(
      sendFeedback({ crash_id: 7, correct: true }, settings)
    ).rejects.toThrow('crash 7 is no longer in the history (cleared?)');
  });

  it('raises the text of an answer that is not JSON', async () => {
    const { settings } = fakeServer(
      () => new Response('Bad Gateway from the proxy', { status: 502 })
    );
    await expect(getTaxonomy(settings)).rejects.toThrow(
      'Bad Gateway from the proxy'
    );
  });

  it('raises a network error when the server cannot be reached', async () => {
    const settings = ServerConnection.makeSettings({
      baseUrl: 'http://localhost:8888/',
      fetch: () => Promise.reject(new TypeError('Failed to fetch'))
    });
    await expect(getStatus(settings)).rejects.toBeInstanceOf(
      ServerConnection.NetworkError
    );
  });
});
