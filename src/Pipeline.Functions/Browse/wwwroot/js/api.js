// Calls to the pipeline's HTTP API, relative to wherever the page is served (…/api/browse/ → …/api/).
// In Azure the API needs a function key: the page forwards the `code` it was opened with to every call.

const functionKey = new URLSearchParams(window.location.search).get('code');

/** The API's root: the page's own path less its "browse/…" tail, so any route prefix works. */
const apiRoot = window.location.pathname.replace(/browse\/[^]*$/, '');

/** An API answer that was not a success, with the problem+json title and detail when the API sent one. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

/** Encodes one path segment (ids, entity names, speaker names). */
export const segment = (value) => encodeURIComponent(value);

/** The URL of an API route with its query; empty parameters are left out and the function key is added. */
export function apiUrl(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value != null && value !== '') {
      query.set(name, String(value));
    }
  }
  if (functionKey) {
    query.set('code', functionKey);
  }
  const text = query.toString();
  return apiRoot + path + (text ? '?' + text : '');
}

/** GET a JSON route. */
export async function getJson(path, params, signal) {
  const response = await send(path, params, signal, 'application/json');
  return response.json();
}

/** GET a text/plain route (the article text). */
export async function getText(path, params, signal) {
  const response = await send(path, params, signal, 'text/plain');
  return response.text();
}

/** Every item of a paged route, following continuation tokens (at most `maxPages` pages). */
export async function getAll(path, params, signal, maxPages = 20) {
  const items = [];
  let continuationToken;
  for (let page = 0; page < maxPages; page++) {
    const answer = await getJson(path, { ...params, continuationToken }, signal);
    items.push(...answer.items);
    continuationToken = answer.continuationToken;
    if (!continuationToken) {
      break;
    }
  }
  return items;
}

async function send(path, params, signal, accept) {
  let response;
  try {
    response = await fetch(apiUrl(path, params), { signal, headers: { Accept: accept }, credentials: 'same-origin' });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'No answer', `The API did not answer (${error.message}). Is the host running?`);
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response;
}

async function problemOf(response) {
  let title = response.statusText || 'Error';
  let detail = `The API answered ${response.status}.`;
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    try {
      const problem = await response.json();
      title = problem.title ?? title;
      detail = problem.detail ?? problem.title ?? detail;
    } catch {
      // Not JSON after all: keep the status line.
    }
  }
  if (response.status === 401 || response.status === 403) {
    detail += functionKey
      ? ' The function key in this page\'s address (?code=) was refused.'
      : ' The API needs a function key: open this page as …/api/browse/?code=<function key>.';
  }
  return new ApiError(response.status, title, detail);
}
