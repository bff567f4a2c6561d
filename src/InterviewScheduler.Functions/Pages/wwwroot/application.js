// One application: the candidate, the acknowledgment, each interview with every invitee's answer, the debrief and
// the timeline of how fast each step came.
import { api, el, when, between, say, signedInAs } from "./app.js";

const id = new URLSearchParams(location.search).get("id") || "";
const message = document.getElementById("message");

async function load() {
  if (!/^[0-9a-f]{32}$/.test(id)) {
    say(message, "This link does not name an application.", "error");
    return;
  }
  try {
    show(await api(`/api/applications/${id}`));
  } catch (error) {
    say(message, error.message, "error");
  }
}

function show(application) {
  const zone = application.candidate.timeZone || undefined;
  document.getElementById("title").textContent = `${application.candidate.name} — ${application.role.title}`;
  document.title = `${application.candidate.name} · InterviewScheduler`;
  document.getElementById("book").href = `book.html?application=${encodeURIComponent(application.applicationId)}`;
  const facts = [
    ["Email", application.candidate.email],
    ["Time zone", application.candidate.timeZone || "not given"],
    ["Role", `${application.role.title} (${application.role.id})`],
    ["Source", application.source],
    ["Status", application.status],
    ["Acknowledgment", `${application.acknowledgment.status}${application.acknowledgment.sentAt ? `, sent ${when(application.acknowledgment.sentAt)}` : ""}`],
  ];
  if (application.selfScheduling) facts.push(["Pick-a-time link", selfScheduling(application.selfScheduling)]);
  document.getElementById("candidate").replaceChildren(...facts.flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]));

  const t = application.timeline;
  const steps = [
    ["Received", t.receivedAt, null],
    ["Acknowledged", t.acknowledgedAt, t.receivedAt],
    ["Booking requested", t.bookingRequestedAt, t.receivedAt],
    ["Booked (invites sent)", t.bookedAt, t.bookingRequestedAt],
    ["First interview", t.firstInterviewAt, t.bookedAt],
    ["Debrief", t.debriefAt, t.firstInterviewAt],
  ];
  document.getElementById("timeline").replaceChildren(...steps.map(([name, at, from]) =>
    el("li", { class: at ? "done" : "open" }, el("strong", {}, name), " ", at ? when(at) : "not yet", at && from ? el("span", { class: "took" }, ` (${between(from, at)} after the step before)`) : "")));

  const interviews = application.interviews;
  document.getElementById("interviews").replaceChildren(interviews.length === 0
    ? el("p", {}, "No interviews booked yet.")
    : el("div", { class: "scroll" }, el("table", {},
        el("thead", {}, el("tr", {}, ["Session", "When (UTC)", "Candidate's time", "Status", "Teams", "Answers", "Change"].map(h => el("th", { scope: "col" }, h)))),
        el("tbody", {}, interviews.map(i => el("tr", {},
          el("th", { scope: "row" }, i.title),
          el("td", {}, when(i.start, "UTC")),
          el("td", {}, when(i.start, zone)),
          el("td", {}, i.status),
          el("td", {}, i.joinUrl ? el("a", { href: i.joinUrl, rel: "noopener noreferrer", target: "_blank" }, "Join link") : "none"),
          el("td", {}, el("ul", { class: "answers" }, responses(i))),
          el("td", {}, i.status === "scheduled" ? changes(application, i) : "")))))));

  const debrief = application.debrief;
  document.getElementById("debrief").replaceChildren(debrief
    ? el("p", {}, `${when(debrief.start)} (${debrief.status}), ${debrief.attendees.length} people`, debrief.joinUrl ? [" · ", el("a", { href: debrief.joinUrl, rel: "noopener noreferrer", target: "_blank" }, "Join link")] : "", debrief.conflicts.length ? ` · not free then: ${debrief.conflicts.join(", ")}` : "")
    : el("p", {}, "No debrief yet: it is booked with the interviews."));
  say(message, "");
}

function responses(interview) {
  const answers = new Map(interview.responses.map(r => [r.email.toLowerCase(), r.response]));
  const people = interview.attendees.map(a => a.email);
  for (const r of interview.responses) if (!people.some(p => p.toLowerCase() === r.email.toLowerCase())) people.push(r.email);
  return people.map(email => el("li", {}, `${email}: ${answers.get(email.toLowerCase()) || "notResponded"}`));
}

// Cancel, or reschedule (cancel, then the booking page with the same interviewers and length). Outlook tells everyone.
function changes(application, interview) {
  const at = when(interview.start, "UTC");
  return el("div", { class: "inline" },
    el("button", { type: "button", "aria-label": `Cancel ${interview.title}, ${at}`, onclick: () => cancel(application, interview, false) }, "Cancel"),
    el("button", { type: "button", "aria-label": `Reschedule ${interview.title}, ${at}`, onclick: () => cancel(application, interview, true) }, "Reschedule"));
}

async function cancel(application, interview, rebook) {
  const question = rebook
    ? `Cancel ${interview.title} and choose a new time? Everyone invited gets Outlook's cancellation now.`
    : `Cancel ${interview.title}? Everyone invited gets Outlook's cancellation.`;
  if (!confirm(question)) return;
  say(message, "Cancelling…");
  try {
    await api(`/api/applications/${application.applicationId}/interviews/${interview.interviewId}`, { method: "DELETE" });
  } catch (error) {
    say(message, error.message, "error");
    return;
  }
  if (rebook) {
    const minutes = Math.round((new Date(interview.end) - new Date(interview.start)) / 60000);
    const people = interview.attendees.map(a => a.email).join(",");
    location.assign(`book.html?application=${encodeURIComponent(application.applicationId)}&interviewers=${encodeURIComponent(people)}&duration=${minutes}`);
    return;
  }
  show(await api(`/api/applications/${application.applicationId}`));
  say(message, `${interview.title} is cancelled; the debrief follows the interviews still on.`);
}

function selfScheduling(offer) {
  const parts = [offer.status];
  if (offer.offeredAt) parts.push(`offered ${when(offer.offeredAt)}`);
  if (offer.pickedAt) parts.push(`picked ${when(offer.pickedAt)} (${between(offer.offeredAt, offer.pickedAt)} later)`);
  return parts.join(", ");
}

signedInAs(document.getElementById("who"));
load();
