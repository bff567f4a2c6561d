// The applications list: status and each one's speed timeline, filtered by status and role, newest first.
import { api, el, when, between, say, signedInAs } from "./app.js";

const form = document.getElementById("filters");
const message = document.getElementById("message");
const rows = document.querySelector("#applications tbody");

async function load() {
  const query = new URLSearchParams();
  const status = document.getElementById("status").value;
  const role = document.getElementById("role").value.trim();
  if (status) query.set("status", status);
  if (role) query.set("role", role);
  say(message, "Loading applications…");
  try {
    const { applications } = await api(`/api/applications?${query}`);
    rows.replaceChildren(...applications.map(row));
    say(message, applications.length === 0 ? "No applications match." : `${applications.length} application(s).`);
  } catch (error) {
    rows.replaceChildren();
    say(message, error.message, "error");
  }
}

function row(application) {
  const t = application.timeline;
  const step = (at, from) => at ? [when(at), el("span", { class: "took" }, from ? ` (+${between(from, at)})` : "")] : "—";
  return el("tr", {},
    el("th", { scope: "row" }, el("a", { href: `application.html?id=${encodeURIComponent(application.applicationId)}` }, application.candidate.name)),
    el("td", {}, application.role.title),
    el("td", {}, el("span", { class: `badge ${application.status}` }, application.status)),
    el("td", {}, when(t.receivedAt)),
    el("td", {}, step(t.acknowledgedAt, t.receivedAt)),
    el("td", {}, step(t.bookedAt, t.receivedAt)),
    el("td", {}, step(t.firstInterviewAt, t.bookedAt)),
    el("td", {}, step(t.debriefAt, t.firstInterviewAt)));
}

form.addEventListener("submit", event => { event.preventDefault(); load(); });
signedInAs(document.getElementById("who"));
load();
