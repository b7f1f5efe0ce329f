/**
 * The nbcrash server API: one typed function per route. No other module talks to the
 * server; the shapes of the bodies and answers are in `types.ts`.
 *
 * Every function takes the server settings last (JupyterLab's own by default), so that a
 * test can hand in a `fetch` of its own.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

import {
  IClearResponse,
  ICrashesResponse,
  ICrashesQuery,
  IDiagnoseRequest,
  IDiagnosis,
  IFeedbackRequest,
  IFeedbackResponse,
  IFixFeedbackRequest,
  IServerStatus,
  ITaxonomyData
} from './types';

/** The server extension's API namespace: every route is under /nbcrash/. */
const NAMESPACE = 'nbcrash';

type Settings = ServerConnection.ISettings;

/** POST /nbcrash/diagnose: the diagnosis of one error (stored in the history unless `store: false`). */
export function diagnose(
  body: IDiagnoseRequest,
  settings?: Settings
): Promise<IDiagnosis> {
  return request<IDiagnosis>('diagnose', postJSON(body), settings);
}

/** GET /nbcrash/taxonomy: every label id with its title and description. */
export function getTaxonomy(settings?: Settings): Promise<ITaxonomyData> {
  return request<ITaxonomyData>('taxonomy', {}, settings);
}

/**
 * GET /nbcrash/crashes: the crashes of `query.scope` (this server session's by default),
 * newest first, and how many earlier sessions' crashes match the same filters.
 */
export async function getCrashes(
  query: ICrashesQuery = {},
  settings?: Settings
): Promise<ICrashesResponse> {
  const params = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => [key, String(value)]);
  const search = params.length
    ? `?${new URLSearchParams(params).toString()}`
    : '';
  const answer = await request<ICrashesResponse>(
    `crashes${search}`,
    {},
    settings
  );
  // A server before the session scope answered without `earlier`.
  return {
    crashes: answer.crashes,
    earlier: typeof answer.earlier === 'number' ? answer.earlier : 0
  };
}

/** DELETE /nbcrash/crashes: forget the crash history (the feedback is kept). */
export function clearCrashes(settings?: Settings): Promise<IClearResponse> {
  return request<IClearResponse>('crashes', { method: 'DELETE' }, settings);
}

/** POST /nbcrash/feedback: a verdict on a stored diagnosis. */
export function sendFeedback(
  body: IFeedbackRequest,
  settings?: Settings
): Promise<IFeedbackResponse> {
  return request<IFeedbackResponse>('feedback', postJSON(body), settings);
}

/** POST /nbcrash/feedback: whether a diagnosis's fix was applied and its re-run succeeded. */
export function sendFixFeedback(
  body: IFixFeedbackRequest,
  settings?: Settings
): Promise<IFeedbackResponse> {
  return request<IFeedbackResponse>('feedback', postJSON(body), settings);
}

/** GET /nbcrash/status: the versions and which model diagnoses. */
export function getStatus(settings?: Settings): Promise<IServerStatus> {
  return request<IServerStatus>('status', {}, settings);
}

function postJSON(body: unknown): RequestInit {
  return { method: 'POST', body: JSON.stringify(body) };
}

/**
 * Call a route and return its JSON answer.
 *
 * ServerConnection adds the token and the XSRF header. A non-2xx answer raises a
 * ResponseError whose message is the server's `{"error": ...}` text.
 */
async function request<T>(
  endPoint: string,
  init: RequestInit,
  settings: Settings = ServerConnection.makeSettings()
): Promise<T> {
  const url = URLExt.join(settings.baseUrl, NAMESPACE, endPoint);
  let response: Response;
  try {
    response = await ServerConnection.makeRequest(url, init, settings);
  } catch (error) {
    throw new ServerConnection.NetworkError(error as TypeError);
  }
  const text = await response.text();
  let data: any = text;
  if (text.length > 0) {
    try {
      data = JSON.parse(text);
    } catch {
      // not JSON: keep the text for the error message below
    }
  }
  if (!response.ok) {
    const message =
      (data && typeof data === 'object' && (data.error || data.message)) ||
      (typeof data === 'string' && data) ||
      response.statusText;
    throw new ServerConnection.ResponseError(response, String(message));
  }
  return data as T;
}
