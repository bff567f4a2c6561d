// Booking a panel: find interviewers in the directory, mark optional ones (with "at least k"), choose the length and
// the window, see ranked options in each person's local time and the candidate's, then book one, or send the
// candidate a link to pick one themselves.
import { api, el, when, say, signedInAs } from "./app.js";

const form = document.getElementById("panel");
const message = document.getElementById("message");
const chosen = new Map(); // email -> { name, optional }
let candidateZone = null;

async function loadApplications() {
  const select = document.getElementById("application");
  const wanted = new URLSearchParams(location.search).get("application");
  try {
    const { applications } = await api("/api/applications?limit=200");
    select.replaceChildren(...applications.map(a => el("option", { value: a.applicationId, selected: a.applicationId === wanted }, `${a.candidate.name} — ${a.role.title}`)));
    if (applications.length === 0) say(message, "No applications yet.");
  } catch (error) {
    say(message, error.message, "error");
  }
}

async function findPeople() {
  const text = document.getElementById("people-search").value.trim();
  const list = document.getElementById("people-results");
  if (text.length < 2) {
    say(message, "Type at least two letters to find a person.", "error");
    return;
  }
  try {
    const { people } = await api(`/api/people?search=${encodeURIComponent(text)}`);
    list.replaceChildren(...people.map(p => el("li", {},
      el("span", {}, `${p.name} `, el("span", { class: "hint" }, `${p.email}${p.jobTitle ? `, ${p.jobTitle}` : ""}`)),
      el("button", { type: "button", "aria-label": `Add ${p.name}`, onclick: () => add(p) }, "Add"))));
    say(message, people.length === 0 ? "Nobody found." : `${people.length} found.`);
  } catch (error) {
    say(message, error.message, "error");
  }
}

function add(person) {
  if (!chosen.has(person.email)) chosen.set(person.email, { name: person.name, optional: false });
  drawChosen();
}

function drawChosen() {
  const body = document.querySelector("#chosen tbody");
  body.replaceChildren(...[...chosen].map(([email, person]) => el("tr", {},
    el("th", { scope: "row" }, `${person.name} `, el("span", { class: "hint" }, email)),
    el("td", {}, el("input", { type: "checkbox", "aria-label": `${person.name} is optional`, checked: person.optional, onchange: e => { person.optional = e.target.checked; } })),
    el("td", {}, el("button", { type: "button", "aria-label": `Remove ${person.name}`, onclick: () => { chosen.delete(email); drawChosen(); } }, "Remove")))));
}

function panel() {
  const body = {
    sessions: [{
      durationMinutes: Number(document.getElementById("duration").value),
      minimumOptional: Number(document.getElementById("minimum-optional").value),
      interviewers: [...chosen].map(([email, p]) => ({ email, optional: p.optional })),
    }],
  };
  const from = document.getElementById("window-start").value;
  const to = document.getElementById("window-end").value;
  if (from && to) body.window = { start: `${from}T00:00:00Z`, end: `${to}T23:59:59Z` };
  return body;
}

async function findTimes(event) {
  event.preventDefault();
  const application = document.getElementById("application").value;
  if (!application) return say(message, "Choose an application first.", "error");
  if (chosen.size === 0) return say(message, "Add at least one interviewer.", "error");
  say(message, "Reading everyone's calendars…");
  try {
    const answer = await api(`/api/applications/${application}/interviews/options`, { method: "POST", body: JSON.stringify(panel()) });
    candidateZone = answer.candidateTimeZone;
    showOptions(answer);
  } catch (error) {
    say(message, error.message, "error");
  }
}

function showOptions(answer) {
  const list = document.getElementById("options");
  list.replaceChildren(...answer.options.map((option, index) => el("li", { class: "option" },
    el("h3", {}, `Option ${index + 1}: ${when(option.start, "UTC")}`),
    el("p", {}, `Candidate: ${when(option.start, candidateZone || "UTC")}${candidateZone ? "" : " (time zone not known)"}`),
    el("ul", { class: "locals", "aria-label": "Each interviewer's local time" }, option.sessions.flatMap(s => s.interviewers.map(email =>
      el("li", {}, `${email}: ${when(s.start, answer.timeZones[email] || "UTC")}`)))),
    option.debrief ? el("p", {}, `Debrief ${when(option.debrief.start, "UTC")}${option.debriefIsFree ? "" : " (not everyone is free then)"}`) : "",
    el("p", { class: "hint" }, `Why: ${option.reasons.join(", ")}`),
    el("button", { type: "button", "aria-label": `Book option ${index + 1}`, onclick: () => book(option) }, "Book"))));
  const section = document.getElementById("options-section");
  section.hidden = false;
  say(message, answer.options.length === 0 ? "No time works for everyone in this window." : `${answer.options.length} option(s).`);
  document.getElementById("options-heading").focus();
}

async function book(option) {
  const application = document.getElementById("application").value;
  say(message, "Booking…");
  try {
    const body = { ...panel(), start: option.start };
    const answer = await api(`/api/applications/${application}/interviews`, { method: "POST", body: JSON.stringify(body), headers: { "Idempotency-Key": crypto.randomUUID() } });
    showResult(answer);
  } catch (error) {
    if (error.status === 409 && error.body?.options) {
      say(message, "That time was just taken; here are fresh options.", "error");
      showOptions({ options: error.body.options, timeZones: {}, candidateTimeZone: candidateZone });
    } else {
      say(message, error.message, "error");
    }
  }
}

function showResult(answer) {
  document.getElementById("result").replaceChildren(
    el("ul", {}, answer.interviews.map(i => el("li", {}, `${i.title}: ${when(i.start, "UTC")}, invites sent to ${i.attendees.length} interviewer(s) and the candidate · `,
      i.joinUrl ? el("a", { href: i.joinUrl, rel: "noopener noreferrer", target: "_blank" }, "Teams join link") : "no Teams link"))),
    answer.debrief ? el("p", {}, `Debrief: ${when(answer.debrief.start, "UTC")}`, answer.debrief.joinUrl ? [" · ", el("a", { href: answer.debrief.joinUrl, rel: "noopener noreferrer", target: "_blank" }, "Teams join link")] : "") : el("p", {}, "The debrief is being placed."));
  document.getElementById("result-section").hidden = false;
  say(message, "Booked: Outlook has sent the invitations.");
  document.getElementById("result-heading").focus();
}

async function offer() {
  const application = document.getElementById("application").value;
  say(message, "Sending the candidate a link to pick a time…");
  try {
    await api(`/api/applications/${application}/self-scheduling`, { method: "POST", body: JSON.stringify(panel()) });
    say(message, "Sent: the candidate can now pick a time from their email.");
  } catch (error) {
    say(message, error.message, "error");
  }
}

// Rescheduling from an application's page brings its interviewers and length along.
function prefill() {
  const query = new URLSearchParams(location.search);
  for (const email of (query.get("interviewers") || "").split(",").map(e => e.trim()).filter(Boolean)) add({ email, name: email });
  const minutes = Number(query.get("duration"));
  if (minutes >= 15 && minutes <= 240) document.getElementById("duration").value = String(minutes);
}

document.getElementById("find-people").addEventListener("click", findPeople);
document.getElementById("people-search").addEventListener("keydown", e => { if (e.key === "Enter") { e.preventDefault(); findPeople(); } });
document.getElementById("offer").addEventListener("click", offer);
form.addEventListener("submit", findTimes);
signedInAs(document.getElementById("who"));
prefill();
loadApplications();
