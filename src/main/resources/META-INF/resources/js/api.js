// The one way the page talks to the server: every request carries the CSRF header, errors become ApiError
// with the RFC 9457 problem's detail, and a 401 on an authenticated call tells the app the session is over.

export const CSRF_HEADER = 'X-Sinus-Csrf';

/** An HTTP error answer; message is what to show the user (the problem's detail). */
export class ApiError extends Error {
  constructor(status, problem, fallback) {
    super(ApiError.describe(status, problem, fallback));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem && typeof problem === 'object' ? problem : null;
  }

  static describe(status, problem, fallback) {
    if (problem && typeof problem === 'object') {
      let text = problem.detail || problem.title || fallback || `HTTP ${status}`;
      if (Array.isArray(problem.errors) && problem.errors.length > 0) {
        const fields = problem.errors.slice(0, 5).map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
        text += ` (${fields.join('; ')}${problem.errors.length > 5 ? '; …' : ''})`;
      }
      return text;
    }
    if (status === 0) {
      return fallback || 'The server cannot be reached. Check your connection and try again.';
    }
    return fallback || `The server answered ${status}.`;
  }
}

let unauthorizedListener = null;

/** Called (once per failing request) when an authenticated request is answered 401. */
export function onUnauthorized(listener) {
  unauthorizedListener = listener;
}

function isAbort(error) {
  return error && error.name === 'AbortError';
}

/**
 * fetch with the CSRF header. options: json (a value to send as JSON), form (an object sent urlencoded),
 * body/contentType (anything else), signal, quiet401 (a 401 is an expected answer, e.g. "not signed in").
 */
export async function request(method, path, options = {}) {
  const headers = new Headers();
  headers.set(CSRF_HEADER, '1');
  headers.set('Accept', 'application/json, application/problem+json');
  let body;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers.set('Content-Type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(options.form).toString();
  } else if (options.body !== undefined) {
    if (options.contentType) {
      headers.set('Content-Type', options.contentType);
    }
    body = options.body;
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    if (isAbort(error)) {
      throw error;
    }
    throw new ApiError(0, null);
  }
  const data = await readBody(response);
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && !options.quiet401 && unauthorizedListener) {
      unauthorizedListener(error);
    }
    throw error;
  }
  return data;
}

async function readBody(response) {
  if (response.status === 204 || response.status === 205) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  try {
    if (type.includes('json')) {
      return await response.json();
    }
    const text = await response.text();
    return text === '' ? null : text;
  } catch (error) {
    if (isAbort(error)) {
      throw error;
    }
    return null;
  }
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, options) => request('POST', path, options),
  put: (path, options) => request('PUT', path, options),
  delete: (path, options) => request('DELETE', path, options),
};

/**
 * An upload through XMLHttpRequest, for its upload progress events. body: FormData, Blob or string.
 * onProgress(fraction 0..1). Resolves with the parsed answer; rejects with ApiError.
 */
export function upload(method, path, body, { contentType, onProgress } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path, true);
    xhr.withCredentials = true;
    xhr.setRequestHeader(CSRF_HEADER, '1');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (contentType) {
      xhr.setRequestHeader('Content-Type', contentType);
    }
    xhr.upload.onprogress = (event) => {
      if (onProgress && event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    };
    xhr.upload.onload = () => onProgress && onProgress(1);
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.ontimeout = () => reject(new ApiError(0, null, 'The upload timed out.'));
    xhr.onabort = () => reject(new ApiError(0, null, 'The upload was cancelled.'));
    xhr.onload = () => {
      let data = null;
      const type = xhr.getResponseHeader('Content-Type') || '';
      if (xhr.responseText && type.includes('json')) {
        try {
          data = JSON.parse(xhr.responseText);
        } catch (ignored) {
          data = null;
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data);
        return;
      }
      const error = new ApiError(xhr.status, data);
      if (xhr.status === 401 && unauthorizedListener) {
        unauthorizedListener(error);
      }
      reject(error);
    };
    xhr.send(body);
  });
}
