// Calls to the HTTP API. Errors come back as application/problem+json; their detail becomes the thrown message.

/** A URL with query parameters; arrays repeat the parameter, empty values are left out. */
export function url(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== null && v !== undefined && v !== "") query.append(key, String(v));
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** GET a JSON resource. */
export async function getJSON(path, params = {}, signal = undefined) {
  const response = await fetch(url(path, params), { headers: { Accept: "application/json" }, signal });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch {
      // not a problem document: keep the status line
    }
    throw new Error(detail);
  }
  return response.json();
}
