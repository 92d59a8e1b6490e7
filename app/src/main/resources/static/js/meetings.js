// Lịch họp: the meeting pages. They work without this script (forms post to the server); it adds confirmations,
// completion of officials' usernames from the directory, and joining the video: it asks the server for a room
// token and only then loads the Jitsi IFrame API from the Jitsi server and opens the room in the page.
// Texts come from data-t-* attributes; whatever comes from the server is put in with textContent.
(function () {
  'use strict';

  function csrfHeaders(headers) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    headers = headers || {};
    if (token && header) {
      headers[header.content] = token.content;
    }
    headers.Accept = 'application/json';
    return headers;
  }

  // ---- confirmations ------------------------------------------------------------------------------------------

  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });

  // ---- completion of usernames (chair, participants) ----------------------------------------------------------

  document.querySelectorAll('input.official-complete').forEach(function (input) {
    var single = input.dataset.single === 'true';
    var list = document.createElement('div');
    list.className = 'list-group meeting-suggestions d-none';
    list.id = input.id + '-list';
    input.setAttribute('aria-controls', list.id);
    input.insertAdjacentElement('afterend', list);
    var timer = null;
    var asked = 0;

    function lastToken() {
      var parts = input.value.split(/[,;]/);
      return parts[parts.length - 1].trim();
    }

    function choose(username) {
      if (single) {
        input.value = username;
      } else {
        var parts = input.value.split(/[,;]/).map(function (p) { return p.trim(); });
        parts[parts.length - 1] = username;
        input.value = parts.filter(function (p) { return p.length > 0; }).join(', ') + ', ';
      }
      list.classList.add('d-none');
      input.focus();
      input.dispatchEvent(new Event('change', {bubbles: true}));
    }

    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      var query = single ? input.value.trim() : lastToken();
      if (query.length < 2) {
        list.classList.add('d-none');
        return;
      }
      timer = window.setTimeout(function () {
        var mine = ++asked;
        fetch('/api/v1/officials?limit=8&q=' + encodeURIComponent(query), {
          headers: csrfHeaders(), credentials: 'same-origin'
        }).then(function (response) {
          return response.ok ? response.json() : [];
        }).then(function (officials) {
          if (mine !== asked) {
            return;
          }
          list.replaceChildren();
          officials.forEach(function (official) {
            var option = document.createElement('button');
            option.type = 'button';
            option.className = 'list-group-item list-group-item-action meeting-suggestion';
            option.dataset.username = official.username;
            var name = document.createElement('span');
            name.textContent = official.fullName + ' (' + official.username + ')';
            var unit = document.createElement('span');
            unit.className = 'small text-secondary d-block';
            unit.textContent = official.unitName || '';
            option.append(name, unit);
            option.addEventListener('click', function () { choose(official.username); });
            list.appendChild(option);
          });
          list.classList.toggle('d-none', officials.length === 0);
        }, function () {
          list.classList.add('d-none');
        });
      }, 200);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        list.classList.add('d-none');
      }
    });
  });

  // ---- joining the video --------------------------------------------------------------------------------------

  var box = document.getElementById('join-box');
  var button = document.getElementById('join-button');
  var container = document.getElementById('jitsi-container');
  var message = document.getElementById('join-message');
  if (!box || !button || !container) {
    return;
  }

  function say(text, kind) {
    message.textContent = text;
    message.className = 'mt-2 mb-0' + (kind ? ' text-' + kind : '');
  }

  function report(type, occurrenceId) {
    fetch(box.dataset.eventsApi, {
      method: 'POST',
      headers: csrfHeaders({'Content-Type': 'application/json'}),
      credentials: 'same-origin',
      body: JSON.stringify({type: type, occurrenceId: occurrenceId})
    }).catch(function () {
      // The attendance from the page is a fallback; the Jitsi server's webhooks are authoritative.
    });
  }

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      if (window.JitsiMeetExternalAPI) {
        resolve();
        return;
      }
      var script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error('script')); };
      document.head.appendChild(script);
    });
  }

  function open(info) {
    container.classList.remove('d-none');
    var api = new window.JitsiMeetExternalAPI(info.domain, {
      roomName: info.roomName,
      jwt: info.jwt,
      parentNode: container,
      width: '100%',
      height: 640,
      lang: info.lang || 'vi',
      userInfo: {displayName: info.displayName, email: info.email},
      // A guest of a meeting with a lobby knocks at once and waits there until a moderator lets them in.
      configOverwrite: box.dataset.lobby === 'true'
        ? {subject: info.subject, prejoinConfig: {enabled: true}, lobby: {autoKnock: true}}
        : {subject: info.subject, prejoinConfig: {enabled: true}}
    });
    api.addEventListener('videoConferenceJoined', function () { report('videoConferenceJoined', info.occurrenceId); });
    api.addEventListener('videoConferenceLeft', function () { report('videoConferenceLeft', info.occurrenceId); });
    api.addEventListener('readyToClose', function () {
      report('readyToClose', info.occurrenceId);
      api.dispose();
      container.classList.add('d-none');
      button.disabled = false;
    });
    box.dataset.joined = 'true';
  }

  button.addEventListener('click', function () {
    button.disabled = true;
    say(box.dataset.tLoading, 'secondary');
    // The meeting page GETs its token with the session; a guest's page POSTs with the link's token in the path.
    fetch(box.dataset.joinApi, {
      method: box.dataset.joinMethod || 'GET', headers: csrfHeaders(), credentials: 'same-origin', cache: 'no-store'
    })
      .then(function (response) {
        if (!response.ok) {
          return response.json().then(function (problem) {
            throw new Error(problem && problem.detail ? problem.detail : box.dataset.tFailed);
          }, function () {
            throw new Error(box.dataset.tFailed);
          });
        }
        return response.json();
      })
      .then(function (info) {
        return loadScript(info.externalApiUrl).then(function () {
          say('', null);
          open(info);
        }, function () {
          throw new Error(box.dataset.tScriptFailed);
        });
      })
      .catch(function (failure) {
        button.disabled = false;
        say(failure.message || box.dataset.tFailed, 'danger');
      });
  });
})();
