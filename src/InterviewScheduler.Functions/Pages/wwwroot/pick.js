// The candidate's pick-a-time page. The link's token is in the address's fragment (#t=...), which browsers never send
// to a server; it travels to the API in the X-Scheduling-Link header only. Local times come from the API, which
// converts them in the chosen IANA zone (daylight saving included); this page only lays them out.
(function () {
  'use strict';

  var API = '../self-scheduling/';
  var LINK_HEADER = 'X-Scheduling-Link';
  var ZONES = [
    'UTC', 'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Berlin', 'Europe/Madrid',
    'Europe/Rome', 'Europe/Amsterdam', 'Europe/Stockholm', 'Europe/Warsaw', 'Europe/Athens', 'Europe/Helsinki',
    'Europe/Istanbul', 'Africa/Lagos', 'Africa/Cairo', 'Africa/Johannesburg', 'Asia/Dubai', 'Asia/Kolkata',
    'Asia/Singapore', 'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Tokyo', 'Asia/Seoul', 'Australia/Perth',
    'Australia/Sydney', 'Pacific/Auckland', 'America/St_Johns', 'America/Halifax', 'America/New_York',
    'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage',
    'Pacific/Honolulu', 'America/Mexico_City', 'America/Bogota', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires'
  ];
  var DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];

  var token = new URLSearchParams(window.location.hash.slice(1)).get('t');
  var busy = false;

  function $(id) { return document.getElementById(id); }

  function show(id, visible) { $(id).hidden = !visible; }

  function announce(text) { $('status').textContent = text; }

  // "2026-10-30T10:00:00-04:00" → its wall-clock parts, as the API computed them for the zone.
  function parts(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
    var year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
    return {
      date: DAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] + ' ' + day + ' ' + MONTHS[month - 1] + ' ' + year,
      time: m[4] + ':' + m[5]
    };
  }

  // "Friday 30 October 2026, 10:00 to 10:45" (both dates when it ends on another day).
  function range(localStart, localEnd) {
    var s = parts(localStart), e = parts(localEnd);
    return s.date + ', ' + s.time + ' to ' + (s.date === e.date ? e.time : e.date + ', ' + e.time);
  }

  function zoneLabel(zone) { return zone.replace(/_/g, ' '); }

  function fillZones(detected) {
    var select = $('time-zone');
    var zones = ZONES.indexOf(detected) >= 0 ? ZONES : [detected].concat(ZONES);
    zones.forEach(function (zone) {
      var option = document.createElement('option');
      option.value = zone;
      option.textContent = zoneLabel(zone) + (zone === detected ? ' (this device)' : '');
      select.appendChild(option);
    });
    select.value = detected;
  }

  function detectZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch (e) {
      return 'UTC';
    }
  }

  function call(method, path, body) {
    var headers = { Accept: 'application/json' };
    headers[LINK_HEADER] = token || '';
    var init = { method: method, headers: headers, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' };
    if (body) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(API + path, init).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        return { status: response.status, data: data || {} };
      });
    });
  }

  function list(id, items) {
    var ul = $(id);
    ul.replaceChildren();
    items.forEach(function (text) {
      var li = document.createElement('li');
      li.textContent = text;
      ul.appendChild(li);
    });
  }

  function renderOptions(options) {
    var ul = $('options');
    ul.replaceChildren();
    options.forEach(function (option) {
      var li = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'option';
      button.textContent = range(option.localStart, option.localEnd);
      button.dataset.start = option.start;
      button.addEventListener('click', function () { pick(option, button.textContent); });
      li.appendChild(button);
      ul.appendChild(li);
    });
    show('no-options', options.length === 0);
  }

  function setBusy(value) {
    busy = value;
    $('options').querySelectorAll('button').forEach(function (button) {
      button.setAttribute('aria-disabled', value ? 'true' : 'false');
    });
  }

  function notice(text) {
    var p = $('notice');
    p.textContent = text || '';
    show('notice', !!text);
    if (text) p.focus();
  }

  // A link that cannot be used: its own message, and no booking controls at all.
  function refuse(status, data) {
    var reason = data.reason || (status === 403 ? 'invalid' : '');
    var titles = {
      invalid: 'This link is not valid',
      expired: 'This link has expired',
      used: 'This link was used'
    };
    show('picker', false);
    show('confirmation', false);
    $('problem-title').textContent = titles[reason] || 'Self-scheduling is not available';
    $('problem-detail').textContent = data.detail || 'Please reply to the email and we will find a time with you.';
    var interview = data.interview;
    $('problem-interview').textContent = interview ? 'Your interview: ' + range(interview.localStart, interview.localEnd) : '';
    show('problem-interview', !!interview);
    show('problem', true);
    announce('');
    $('problem-title').focus();
  }

  function isRefusal(status) { return status === 403 || status === 410 || status === 503; }

  function load(zone) {
    announce('Loading the times…');
    setBusy(true);
    return call('GET', 'options?timeZone=' + encodeURIComponent(zone)).then(function (answer) {
      var data = answer.data;
      setBusy(false);
      if (answer.status === 400) {
        $('time-zone-error').textContent = zoneLabel(zone) + ' is not a time zone we know. Please choose another.';
        show('time-zone-error', true);
        announce('');
        // A device zone the service does not know: show the times in UTC rather than none.
        if ($('picker').hidden && zone !== 'UTC') {
          $('time-zone').value = 'UTC';
          return load('UTC');
        }
        return;
      }
      if (answer.status !== 200) {
        if (isRefusal(answer.status)) refuse(answer.status, data);
        else announce('The times could not be loaded. Please reload the page in a moment.');
        return;
      }
      show('time-zone-error', false);
      $('role').textContent = data.roleTitle + ' at ' + data.company;
      list('sessions', data.sessions.map(function (s) { return s.title + ': ' + s.durationMinutes + ' minutes'; }));
      var expires = parts(data.localExpiresAt);
      $('expires').textContent = 'This link works once, until ' + expires.date + ', ' + expires.time + ' (' + zoneLabel(data.timeZone) + ').';
      renderOptions(data.options);
      show('picker', true);
      announce(data.options.length === 1 ? '1 time available in ' + zoneLabel(data.timeZone) + '.'
        : data.options.length + ' times available in ' + zoneLabel(data.timeZone) + '.');
    }).catch(function () {
      setBusy(false);
      announce('The times could not be loaded. Please check your connection and reload the page.');
    });
  }

  function pick(option, name) {
    if (busy) return;
    setBusy(true);
    notice('');
    announce('Booking ' + name + '…');
    var zone = $('time-zone').value;
    call('POST', 'pick', { start: option.start, timeZone: zone }).then(function (answer) {
      var data = answer.data;
      if (answer.status === 201) {
        show('picker', false);
        $('confirmation-time').textContent = range(data.interview.localStart, data.interview.localEnd) + ' (' + zoneLabel(data.timeZone) + ')';
        list('confirmation-sessions', data.sessions.length > 1
          ? data.sessions.map(function (s) { return s.title + ': ' + range(s.localStart, s.localEnd); })
          : []);
        show('confirmation', true);
        announce('');
        $('confirmation-title').focus();
        return;
      }
      setBusy(false);
      // The "Booking …" status is over whatever the answer: the notice or the problem says what happened.
      announce('');
      if (isRefusal(answer.status)) {
        refuse(answer.status, data);
      } else if (answer.status === 409 && Array.isArray(data.options)) {
        renderOptions(data.options);
        notice('That time was just taken. Here are the times still free; please pick another.');
      } else if (answer.status === 409) {
        notice((data.title || 'That time could not be booked.') + ' ' + (data.detail || ''));
      } else {
        notice('Something went wrong and nothing was booked. Please try again in a moment.');
      }
    }).catch(function () {
      setBusy(false);
      announce('');
      notice('The connection failed, so we cannot tell whether the time was booked. Please pick the same time again: it is never booked twice.');
    });
  }

  function start() {
    if (!token) {
      refuse(403, { reason: 'invalid', detail: 'The link is incomplete. Open it again from the email, or reply to the email.' });
      return;
    }
    fillZones(detectZone());
    $('time-zone').addEventListener('change', function (event) {
      show('time-zone-error', false);
      notice('');
      load(event.target.value);
    });
    load($('time-zone').value);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
