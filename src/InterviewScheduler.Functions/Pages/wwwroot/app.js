// Shared by the recruiter's pages: JSON calls with problem+json errors, and times shown in a person's own zone.
// Every value from the API goes into the page as text (textContent), never as HTML.
"use strict";

export async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { "Accept": "application/json", ...(options.body ? { "Content-Type": "application/json" } : {}), ...(options.headers || {}) },
    credentials: "same-origin",
  });
  if (response.status === 401) {
    // Not signed in (or the session ended): App Service Authentication signs the person in and brings them back.
    location.assign(`/.auth/login/aad?post_login_redirect_uri=${encodeURIComponent(location.pathname + location.search)}`);
    return new Promise(() => {});
  }
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(problemText(body) || `The service answered ${response.status}.`);
    error.status = response.status;
    error.body = body;
    throw error;
  }
  return body;
}

function problemText(problem) {
  if (!problem) return "";
  const fields = problem.errors ? Object.entries(problem.errors).map(([field, messages]) => `${field}: ${messages.join(" ")}`) : [];
  return [problem.title, problem.detail, ...fields].filter(Boolean).join(" ");
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function when(iso, zone) {
  if (!iso) return "—";
  return new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: zone || undefined, timeZoneName: "short" }).format(new Date(iso));
}

export function between(fromIso, toIso) {
  if (!fromIso || !toIso) return "";
  const seconds = Math.max(0, (new Date(toIso) - new Date(fromIso)) / 1000);
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

export function say(region, message, kind = "status") {
  region.textContent = message;
  region.dataset.kind = kind;
}

export async function signedInAs(slot) {
  try {
    // Asked directly, not through api(): not being signed in is for the page's own call to handle, once.
    // /api/me rather than App Service's /.auth/me, which needs the token store this app leaves off.
    const response = await fetch("/api/me", { credentials: "same-origin", headers: { "Accept": "application/json" } });
    if (!response.ok) return;
    const me = await response.json();
    const name = me?.name || me?.userName;
    if (name) slot.textContent = `Signed in as ${name}`;
  } catch {
    // Who is signed in is a courtesy; the pages work without it.
  }
}
