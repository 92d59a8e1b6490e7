// Trò chuyện: the chat page. Channels and history come from /api/v1/chat/..., live events over STOMP (/ws).
// Every text from a user is put into the page with textContent (never as HTML); links are made only for http(s).
(function () {
  'use strict';

  var app = document.getElementById('chat-app');
  if (!app || !window.StompJs) {
    return;
  }

  var ZONE = 'Asia/Ho_Chi_Minh';
  var PAGE = 50;
  var KINDS = ['UNIT', 'MEETING', 'DIRECT', 'GROUP', 'ANNOUNCEMENT'];
  var EMOJI = ['👍', '❤️', '😂', '😮', '😢', '🙏', '✅'];
  var base = (app.dataset.base || '/').replace(/\/$/, '');

  var el = {
    channels: document.getElementById('chat-channels'),
    title: document.getElementById('chat-channel-title'),
    info: document.getElementById('chat-channel-info'),
    error: document.getElementById('chat-error'),
    messages: document.getElementById('chat-messages'),
    typing: document.getElementById('chat-typing'),
    composer: document.getElementById('chat-composer'),
    input: document.getElementById('chat-input'),
    reply: document.getElementById('chat-reply'),
    replyText: document.getElementById('chat-reply-text'),
    replyCancel: document.getElementById('chat-reply-cancel'),
    readonly: document.getElementById('chat-readonly'),
    status: document.getElementById('chat-status'),
    back: document.getElementById('chat-back'),
    notifyButton: document.getElementById('chat-enable-notifications'),
    newDirect: document.getElementById('chat-new-direct'),
    dialog: document.getElementById('chat-direct-dialog'),
    dialogSearch: document.getElementById('chat-direct-search'),
    dialogResults: document.getElementById('chat-direct-results'),
    navBadge: document.getElementById('nav-chat-unread'),
    attach: document.getElementById('chat-attach'),
    fileInput: document.getElementById('chat-file'),
    conversation: document.querySelector('.chat-conversation'),
    membersButton: document.getElementById('chat-members-button'),
    membersDialog: document.getElementById('chat-members-dialog'),
    membersList: document.getElementById('chat-members-list'),
    newGroup: document.getElementById('chat-new-group'),
    groupDialog: document.getElementById('chat-group-dialog'),
    groupForm: document.getElementById('chat-group-form'),
    groupTitle: document.getElementById('chat-group-title'),
    groupSearch: document.getElementById('chat-group-search'),
    groupResults: document.getElementById('chat-group-results'),
    groupChosen: document.getElementById('chat-group-chosen'),
    groupError: document.getElementById('chat-group-error'),
    membersAdd: document.getElementById('chat-members-add'),
    membersSearch: document.getElementById('chat-members-search'),
    membersResults: document.getElementById('chat-members-results'),
    membersError: document.getElementById('chat-members-error'),
    leaveRow: document.getElementById('chat-leave-row'),
    leave: document.getElementById('chat-leave'),
    auditDialog: document.getElementById('chat-audit-dialog'),
    auditList: document.getElementById('chat-audit-list')
  };

  var state = {
    session: null,
    me: null,
    client: null,
    connected: false,
    channels: new Map(),      // id -> ChannelSummary
    current: null,            // the open channel's id
    subscription: null,       // its topic subscription
    generation: 0,            // bumps on every channel switch, so late answers for the old channel are dropped
    messages: new Map(),      // sequence -> ChatMessage of the open channel
    oldest: null,             // lowest sequence shown
    newest: 0,                // every message up to here is shown (no gap)
    hasOlder: false,
    loadingOlder: false,
    catchingUp: false,
    loading: false,           // the first page of the open channel is on its way
    confirmed: false,         // the server said the open channel is one of mine (only then subscribe to it)
    members: new Map(),       // username -> ChatMember (read marks for the receipts)
    pending: new Map(),       // clientMessageId -> {channelId, text, replyTo, node, failed}
    replyTo: null,
    lastReadSent: 0,
    lastTypingSent: 0,
    typing: new Map(),        // username -> {name, timer}
    presence: new Map(),      // username -> 'ONLINE' | 'AWAY' (absent: offline), of people I share a channel with
    away: false,              // what this tab last told the server
    groupMembers: new Map()   // username -> fullName, chosen in the new-group dialog
  };

  // ---- texts -------------------------------------------------------------------------------------------------

  function t(key) {
    var text = app.dataset['t' + key] || key;
    for (var i = 1; i < arguments.length; i++) {
      text = text.split('{' + (i - 1) + '}').join(String(arguments[i]));
    }
    return text;
  }

  function kindText(kind) {
    return t('Group' + kind.charAt(0) + kind.slice(1).toLowerCase());
  }

  var dateParts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23'
  });

  function toDate(value) {
    if (typeof value === 'number') {
      return new Date(value < 1e11 ? value * 1000 : value);
    }
    return new Date(value);
  }

  /** dd/MM/yyyy HH:mm in Vietnam's time zone, whatever the browser's. */
  function formatDate(value) {
    var parts = {};
    dateParts.formatToParts(toDate(value)).forEach(function (part) {
      parts[part.type] = part.value;
    });
    return parts.day + '/' + parts.month + '/' + parts.year + ' ' + parts.hour + ':' + parts.minute;
  }

  function node(tag, className, text) {
    var element = document.createElement(tag);
    if (className) {
      element.className = className;
    }
    if (text !== undefined && text !== null) {
      element.textContent = text;
    }
    return element;
  }

  function excerpt(text, length) {
    var flat = (text || '').replace(/\s+/g, ' ').trim();
    return flat.length > length ? flat.slice(0, length - 1) + '…' : flat;
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }

  // ---- HTTP ------------------------------------------------------------------------------------------------

  function api(method, path, body) {
    var headers = {'Accept': 'application/json'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (method !== 'GET' && state.session && state.session.csrfHeader) {
      headers[state.session.csrfHeader] = state.session.csrfToken;
    }
    return fetch(base + path, {
      method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 401) {
        // The session is gone: the page's own request sends the official to the login page.
        window.location.reload();
        throw new Error('401');
      }
      if (!response.ok) {
        return response.json().catch(function () {
          return {};
        }).then(function (problem) {
          var error = new Error(problem.detail || String(response.status));
          error.status = response.status;
          throw error;
        });
      }
      return response.status === 204 ? null : response.json();
    });
  }

  // ---- STOMP -----------------------------------------------------------------------------------------------

  function setStatus(key) {
    el.status.textContent = t(key);
    el.status.classList.toggle('is-offline', key === 'Offline');
    el.status.classList.toggle('is-online', key === 'Online');
  }

  function connect() {
    var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
    var client = new StompJs.Client({
      brokerURL: scheme + window.location.host + base + state.session.endpoint,
      reconnectDelay: 2000,
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
      beforeConnect: function () {
        // A fresh CSRF token for every (re)connection: the session may have rotated it.
        return api('GET', '/api/v1/chat/session').then(function (session) {
          state.session = session;
          var headers = {};
          headers[session.csrfHeader] = session.csrfToken;
          client.connectHeaders = headers;
        }).catch(function () {
          // Offline: let the client try with what it has; it retries after reconnectDelay.
        });
      },
      onConnect: onConnect,
      onWebSocketClose: function () {
        state.connected = false;
        state.subscription = null;
        setStatus('Offline');
      },
      onStompError: function () {
        state.connected = false;
        setStatus('Offline');
      }
    });
    state.client = client;
    client.activate();
  }

  function onConnect() {
    state.connected = true;
    setStatus('Online');
    var client = state.client;
    client.subscribe('/user/queue/notifications', function (frame) {
      onNotification(JSON.parse(frame.body));
    });
    client.subscribe('/user/queue/acks', function (frame) {
      onAck(JSON.parse(frame.body));
    });
    client.subscribe('/user/queue/errors', function (frame) {
      onStompRefusal(JSON.parse(frame.body));
    });
    client.subscribe('/user/queue/presence', function (frame) {
      onPresence(JSON.parse(frame.body));
    });
    // Subscribed first, then the state as it is now: a change in between is not missed.
    api('GET', '/api/v1/chat/presence').then(function (states) {
      state.presence = new Map();
      states.forEach(onPresence);
      renderPresence();
    }).catch(function () {
      // Presence is a hint; the conversation works without it.
    });
    state.away = false;
    if (isIdle()) {
      setAway(true);
    }
    loadChannels();
    if (state.current !== null && state.confirmed) {
      // Subscribe first, then ask for what was missed while away: merged by sequence, nothing lost or doubled.
      subscribeChannel(state.current);
      catchUp();
    }
    state.pending.forEach(function (pending, id) {
      if (!pending.failed && !pending.upload) {
        publishPost(id, pending);
      }
    });
  }

  function publish(channelId, action, body) {
    if (!state.connected) {
      return false;
    }
    state.client.publish({destination: '/app/channels/' + channelId + '/' + action, body: JSON.stringify(body)});
    return true;
  }

  function subscribeChannel(channelId) {
    if (state.subscription) {
      try {
        state.subscription.unsubscribe();
      }
      catch (ignored) {
        // The connection that carried it is gone.
      }
      state.subscription = null;
    }
    if (state.connected && channelId !== null) {
      state.subscription = state.client.subscribe('/topic/channels.' + channelId, function (frame) {
        onChannelEvent(JSON.parse(frame.body));
      });
    }
  }

  // ---- channels --------------------------------------------------------------------------------------------

  function loadChannels() {
    return api('GET', '/api/v1/chat/channels').then(function (channels) {
      state.channels = new Map();
      channels.forEach(function (channel) {
        state.channels.set(channel.id, channel);
      });
      renderChannels();
      return channels;
    });
  }

  function renderChannels() {
    el.channels.replaceChildren();
    var any = false;
    KINDS.forEach(function (kind) {
      var ofKind = [];
      state.channels.forEach(function (channel) {
        if (channel.kind === kind) {
          ofKind.push(channel);
        }
      });
      if (!ofKind.length) {
        return;
      }
      any = true;
      var section = node('section', 'chat-channel-group');
      var headingId = 'chat-group-' + kind.toLowerCase();
      var heading = node('h3', 'chat-channel-group-title', kindText(kind));
      heading.id = headingId;
      section.setAttribute('aria-labelledby', headingId);
      var list = node('ul', 'list-unstyled mb-0');
      ofKind.forEach(function (channel) {
        var item = node('li');
        var link = node('a', 'chat-channel-link');
        link.href = base + '/chat?channel=' + channel.id;
        link.dataset.channelId = channel.id;
        link.id = 'chat-channel-' + channel.id;
        if (channel.id === state.current) {
          link.classList.add('active');
          link.setAttribute('aria-current', 'page');
        }
        if (channel.closed) {
          link.classList.add('closed');
        }
        if (channel.kind === 'DIRECT' && channel.peer) {
          link.appendChild(presenceDot(channel.peer));
        }
        link.appendChild(node('span', 'chat-channel-name', channel.title));
        if (channel.unread > 0) {
          var badge = node('span', 'badge rounded-pill chat-unread', channel.unread > 99 ? '99+' : channel.unread);
          badge.appendChild(node('span', 'visually-hidden', ' ' + t('Unread')));
          link.appendChild(badge);
          link.classList.add('has-unread');
        }
        link.addEventListener('click', function (event) {
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
            return;
          }
          event.preventDefault();
          openChannel(channel.id, null, true);
        });
        item.appendChild(link);
        list.appendChild(item);
      });
      section.appendChild(heading);
      section.appendChild(list);
      el.channels.appendChild(section);
    });
    if (!any) {
      el.channels.appendChild(node('p', 'small text-secondary p-3', t('NoChannels')));
    }
    renderNavBadge();
  }

  function renderNavBadge() {
    if (!el.navBadge) {
      return;
    }
    var total = 0;
    state.channels.forEach(function (channel) {
      total += channel.unread;
    });
    el.navBadge.textContent = total > 99 ? '99+' : String(total);
    el.navBadge.classList.toggle('d-none', total === 0);
  }

  // ---- opening a channel and its history -------------------------------------------------------------------

  function showError(text) {
    el.error.textContent = text;
    el.error.classList.toggle('d-none', !text);
  }

  function resetConversation() {
    state.messages = new Map();
    state.oldest = null;
    state.newest = 0;
    state.hasOlder = false;
    state.loadingOlder = false;
    state.catchingUp = false;
    state.members = new Map();
    state.lastReadSent = 0;
    state.typing.forEach(function (typing) {
      clearTimeout(typing.timer);
    });
    state.typing = new Map();
    el.messages.replaceChildren();
    // Posts still on their way (or refused) stay under their own channel.
    state.pending.forEach(function (pending) {
      if (pending.channelId === state.current) {
        el.messages.appendChild(pending.node);
      }
    });
    el.typing.textContent = '';
    setReply(null);
    showError('');
  }

  /** Opens a channel; with {@code sequence}, scrolls to that message and highlights it. */
  function openChannel(channelId, sequence, byUser) {
    var generation = ++state.generation;
    state.current = channelId;
    resetConversation();
    state.loading = true;
    state.confirmed = false;
    if (byUser) {
      app.classList.remove('show-list');
    }
    var url = base + '/chat?channel=' + channelId + (sequence ? '&seq=' + sequence : '');
    window.history.replaceState(null, '', url);
    renderChannels();
    var known = state.channels.get(channelId);
    renderHeader(known);
    subscribeChannel(null);
    var summary = known ? Promise.resolve(known) : api('GET', '/api/v1/chat/channels/' + channelId);
    return summary.then(function (channel) {
      if (generation !== state.generation) {
        return null;
      }
      state.channels.set(channel.id, channel);
      renderHeader(channel);
      state.confirmed = true;
      subscribeChannel(channelId);
      return Promise.all([
        api('GET', '/api/v1/chat/channels/' + channelId + '/members'),
        sequence ? loadAround(channelId, sequence, generation) : loadNewest(channelId, generation)
      ]);
    }).then(function (results) {
      if (!results || generation !== state.generation) {
        return;
      }
      results[0].forEach(function (member) {
        state.members.set(member.username, member);
      });
      renderAllReceipts();
      state.loading = false;
      if (sequence && state.messages.has(sequence)) {
        highlight(sequence);
      }
      else {
        scrollToBottom();
      }
      catchUp();
      markReadSoon();
    }).catch(function (error) {
      if (generation !== state.generation) {
        return;
      }
      if (error.status === 404) {
        if (state.subscription) {
          state.subscription.unsubscribe();
          state.subscription = null;
        }
        el.title.textContent = '—';
        el.info.textContent = '';
        el.membersButton.classList.add('d-none');
        el.composer.classList.add('d-none');
        showError(t('NotFound'));
      }
      else {
        showError(t('LoadError'));
      }
    });
  }

  function renderHeader(channel) {
    if (!channel) {
      el.title.textContent = '…';
      el.info.textContent = '';
      el.membersButton.classList.add('d-none');
      el.composer.classList.add('d-none');
      el.readonly.classList.add('d-none');
      return;
    }
    el.title.textContent = channel.title;
    el.info.replaceChildren(document.createTextNode(kindText(channel.kind)));
    if (channel.kind === 'DIRECT' && channel.peer) {
      el.info.appendChild(document.createTextNode(' · '));
      el.info.appendChild(node('span', 'chat-peer-state', presenceText(channel.peer)));
    }
    el.membersButton.classList.remove('d-none');
    el.composer.classList.toggle('d-none', !channel.canPost);
    el.readonly.classList.toggle('d-none', channel.canPost);
    el.readonly.textContent = channel.closed ? t('Closed') : t('ReadOnly');
  }

  function loadNewest(channelId, generation) {
    return api('GET', '/api/v1/chat/channels/' + channelId + '/messages?limit=' + PAGE).then(function (page) {
      if (generation !== state.generation) {
        return;
      }
      page.messages.forEach(upsert);
      state.oldest = page.messages.length ? page.messages[0].sequence : null;
      state.newest = page.messages.length ? page.messages[page.messages.length - 1].sequence : page.lastSequence;
      state.hasOlder = page.more;
      renderStart();
    });
  }

  function loadAround(channelId, sequence, generation) {
    var after = Math.max(0, sequence - 20);
    return fetchAfter(channelId, after, generation).then(function () {
      if (generation !== state.generation) {
        return;
      }
      state.oldest = after + 1;
      state.hasOlder = after > 0;
      renderStart();
    });
  }

  /** Everything after {@code after}, page by page, merged by sequence. */
  function fetchAfter(channelId, after, generation) {
    return api('GET', '/api/v1/chat/channels/' + channelId + '/messages?after=' + after + '&limit=200')
      .then(function (page) {
        if (generation !== state.generation) {
          return null;
        }
        var wasAtBottom = nearBottom();
        page.messages.forEach(upsert);
        var last = page.messages.length ? page.messages[page.messages.length - 1].sequence : after;
        state.newest = Math.max(state.newest, last);
        if (wasAtBottom) {
          scrollToBottom();
        }
        return page.more ? fetchAfter(channelId, last, generation) : null;
      });
  }

  /** After a reconnect or a gap: ask for everything after the last sequence seen. */
  function catchUp() {
    if (state.current === null || state.catchingUp || state.loading) {
      return;
    }
    state.catchingUp = true;
    var generation = state.generation;
    fetchAfter(state.current, state.newest, generation).then(function () {
      markReadSoon();
    }).catch(function () {
      // Next reconnect or event tries again.
    }).then(function () {
      if (generation === state.generation) {
        state.catchingUp = false;
      }
    });
  }

  function loadOlder() {
    if (!state.hasOlder || state.loadingOlder || state.oldest === null || state.current === null) {
      return;
    }
    state.loadingOlder = true;
    var generation = state.generation;
    var loading = node('div', 'chat-marker small text-secondary', t('LoadingOlder'));
    el.messages.insertBefore(loading, el.messages.firstChild);
    api('GET', '/api/v1/chat/channels/' + state.current + '/messages?before=' + state.oldest + '&limit=' + PAGE)
      .then(function (page) {
        if (generation !== state.generation) {
          return;
        }
        loading.remove();
        var height = el.messages.scrollHeight;
        var top = el.messages.scrollTop;
        page.messages.forEach(upsert);
        if (page.messages.length) {
          state.oldest = page.messages[0].sequence;
        }
        state.hasOlder = page.more && page.messages.length > 0;
        renderStart();
        el.messages.scrollTop = top + (el.messages.scrollHeight - height);
      })
      .catch(function () {
        loading.remove();
      })
      .then(function () {
        if (generation === state.generation) {
          state.loadingOlder = false;
        }
      });
  }

  function renderStart() {
    var marker = document.getElementById('chat-beginning');
    if (!state.hasOlder && !marker) {
      marker = node('div', 'chat-marker small text-secondary', t('Beginning'));
      marker.id = 'chat-beginning';
      el.messages.insertBefore(marker, el.messages.firstChild);
    }
    else if (state.hasOlder && marker) {
      marker.remove();
    }
  }

  // ---- messages --------------------------------------------------------------------------------------------

  /** Adds or replaces a message of the open channel, in sequence order. */
  function upsert(message) {
    if (message.channelId !== state.current) {
      return;
    }
    state.messages.set(message.sequence, message);
    var rendered = renderMessage(message);
    var existing = document.getElementById('msg-' + message.sequence);
    if (existing) {
      existing.replaceWith(rendered);
      return;
    }
    var next = null;
    var children = el.messages.querySelectorAll('.chat-msg[data-seq]');
    for (var i = 0; i < children.length; i++) {
      if (Number(children[i].dataset.seq) > message.sequence) {
        next = children[i];
        break;
      }
    }
    if (!next) {
      next = el.messages.querySelector('.chat-msg.pending');
    }
    el.messages.insertBefore(rendered, next);
    // A reply shown before the answered message arrived: draw its quote again.
    el.messages.querySelectorAll('.chat-msg[data-reply-to="' + message.sequence + '"]').forEach(function (reply) {
      var shown = state.messages.get(Number(reply.dataset.seq));
      if (shown) {
        reply.replaceWith(renderMessage(shown));
      }
    });
  }

  function memberName(username) {
    var member = state.members.get(username);
    return member ? member.fullName : username;
  }

  function renderMessage(message) {
    var own = message.author === state.me;
    var article = node('article', 'chat-msg' + (own ? ' own' : '') + (message.deleted ? ' deleted' : ''));
    article.id = 'msg-' + message.sequence;
    article.dataset.seq = message.sequence;
    article.dataset.author = message.author;
    article.tabIndex = -1;
    if (message.replyTo) {
      article.dataset.replyTo = message.replyTo;
    }

    var head = node('div', 'chat-msg-head');
    head.appendChild(node('span', 'chat-author', message.authorName || message.author));
    var time = node('time', 'chat-time', formatDate(message.createdAt));
    time.dateTime = toDate(message.createdAt).toISOString();
    head.appendChild(time);
    if (message.editedAt && !message.deleted) {
      head.appendChild(node('span', 'chat-edited', t('Edited')));
    }
    article.appendChild(head);

    if (message.replyTo && !message.deleted) {
      article.appendChild(renderQuote(message.replyTo));
    }

    var body = node('div', 'chat-text');
    if (message.deleted) {
      body.textContent = t('Deleted');
      if (canAudit(message.channelId)) {
        body.appendChild(document.createTextNode(' '));
        body.appendChild(actionButton(t('Audit'), 'audit', function () {
          showAudit(message);
        }));
      }
    }
    else {
      appendRichText(body, message.text, message.mentions || []);
      if (message.file) {
        body.appendChild(renderFile(message.file));
      }
    }
    article.appendChild(body);

    if (!message.deleted) {
      article.appendChild(renderReactions(message));
      article.appendChild(renderActions(message, own));
    }
    if (own && !message.deleted) {
      var receipt = node('div', 'chat-receipt small');
      receipt.id = 'receipt-' + message.sequence;
      receipt.setAttribute('aria-live', 'polite');
      article.appendChild(receipt);
      renderReceiptsSoon();
    }
    return article;
  }

  function renderQuote(sequence) {
    var quoted = state.messages.get(sequence);
    var quote = node('button', 'chat-quote');
    quote.type = 'button';
    if (quoted) {
      quote.appendChild(node('span', 'chat-quote-author', quoted.authorName || quoted.author));
      quote.appendChild(node('span', 'chat-quote-text', quoted.deleted ? t('Deleted') : excerpt(quoted.text, 140)));
    }
    else {
      quote.appendChild(node('span', 'chat-quote-text', t('Message', sequence)));
    }
    quote.addEventListener('click', function () {
      jumpTo(sequence);
    });
    return quote;
  }

  var TOKEN = /(https?:\/\/[^\s<>"'`]+)|@([A-Za-z0-9._-]+)/gi;

  /** Text with clickable http(s) links and highlighted @mentions, built from text nodes only. */
  function appendRichText(target, text, mentions) {
    var last = 0;
    var match;
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(text)) !== null) {
      var token = match[0];
      if (match[1]) {
        // Sentence punctuation after a link belongs to the sentence.
        var trimmed = token.replace(/[.,;:!?)\]}]+$/, '');
        var url = safeUrl(trimmed);
        if (url) {
          target.appendChild(document.createTextNode(text.slice(last, match.index)));
          var link = node('a', 'chat-link', trimmed);
          link.href = url;
          link.target = '_blank';
          link.rel = 'noopener noreferrer nofollow';
          target.appendChild(link);
          last = match.index + trimmed.length;
          TOKEN.lastIndex = last;
        }
      }
      else if (mentions.indexOf(match[2].toLowerCase()) >= 0 || mentions.indexOf(match[2]) >= 0) {
        target.appendChild(document.createTextNode(text.slice(last, match.index)));
        var mention = node('span', 'chat-mention' + (match[2].toLowerCase() === state.me ? ' me' : ''), token);
        mention.title = memberName(match[2].toLowerCase());
        target.appendChild(mention);
        last = match.index + token.length;
      }
    }
    target.appendChild(document.createTextNode(text.slice(last)));
  }

  function safeUrl(text) {
    try {
      var url = new URL(text);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    }
    catch (e) {
      return null;
    }
  }

  function renderReactions(message) {
    var box = node('div', 'chat-reactions');
    (message.reactions || []).forEach(function (reaction) {
      if (!reaction.usernames.length) {
        return;
      }
      var mine = reaction.usernames.indexOf(state.me) >= 0;
      var chip = node('button', 'chat-reaction' + (mine ? ' mine' : ''));
      chip.type = 'button';
      chip.setAttribute('aria-pressed', mine ? 'true' : 'false');
      chip.title = reaction.usernames.map(memberName).join(', ');
      chip.appendChild(node('span', null, reaction.emoji));
      chip.appendChild(node('span', 'chat-reaction-count', String(reaction.usernames.length)));
      chip.addEventListener('click', function () {
        publish(message.channelId, 'reactions', {sequence: message.sequence, emoji: reaction.emoji, add: !mine});
      });
      box.appendChild(chip);
    });
    return box;
  }

  function renderActions(message, own) {
    var channel = state.channels.get(message.channelId) || {};
    var actions = node('div', 'chat-actions');
    if (channel.canPost) {
      actions.appendChild(actionButton(t('Reply'), 'reply', function () {
        setReply(message);
      }));
    }
    var reactButton = actionButton('🙂', 'react', function () {
      picker.classList.toggle('d-none');
      reactButton.setAttribute('aria-expanded', picker.classList.contains('d-none') ? 'false' : 'true');
    });
    reactButton.title = t('React');
    reactButton.setAttribute('aria-label', t('React'));
    reactButton.setAttribute('aria-expanded', 'false');
    actions.appendChild(reactButton);
    if (own && !channel.closed) {
      actions.appendChild(actionButton(t('Edit'), 'edit', function () {
        startEdit(message);
      }));
    }
    if (message.editedAt && canAudit(message.channelId)) {
      actions.appendChild(actionButton(t('Audit'), 'audit', function () {
        showAudit(message);
      }));
    }
    if ((own || channel.moderator) && !channel.closed) {
      actions.appendChild(actionButton(t('Delete'), 'delete', function () {
        if (window.confirm(t('DeleteConfirm'))) {
          publish(message.channelId, 'delete', {sequence: message.sequence});
        }
      }));
    }
    var picker = node('div', 'chat-emoji-picker d-none');
    EMOJI.forEach(function (emoji) {
      var button = node('button', 'chat-emoji', emoji);
      button.type = 'button';
      button.addEventListener('click', function () {
        picker.classList.add('d-none');
        var reaction = (message.reactions || []).find(function (r) {
          return r.emoji === emoji;
        });
        var mine = reaction && reaction.usernames.indexOf(state.me) >= 0;
        publish(message.channelId, 'reactions', {sequence: message.sequence, emoji: emoji, add: !mine});
      });
      picker.appendChild(button);
    });
    actions.appendChild(picker);
    return actions;
  }

  function actionButton(text, action, onClick) {
    var button = node('button', 'btn btn-link btn-sm chat-action', text);
    button.type = 'button';
    button.dataset.action = action;
    button.addEventListener('click', onClick);
    return button;
  }

  function startEdit(message) {
    var article = document.getElementById('msg-' + message.sequence);
    if (!article || article.querySelector('.chat-edit')) {
      return;
    }
    var body = article.querySelector('.chat-text');
    var form = node('form', 'chat-edit');
    var field = node('textarea', 'form-control form-control-sm');
    field.value = message.text;
    field.rows = 2;
    field.setAttribute('aria-label', t('Edit'));
    var save = node('button', 'btn btn-sm btn-primary', t('Save'));
    save.type = 'submit';
    var cancel = node('button', 'btn btn-sm btn-link', t('Cancel'));
    cancel.type = 'button';
    form.appendChild(field);
    form.appendChild(save);
    form.appendChild(cancel);
    body.replaceWith(form);
    field.focus();

    function finish() {
      var shown = state.messages.get(message.sequence);
      if (shown) {
        upsert(shown);
      }
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var text = field.value.trim();
      if (text && text !== message.text) {
        publish(message.channelId, 'edit', {sequence: message.sequence, text: text});
      }
      finish();
    });
    cancel.addEventListener('click', finish);
    field.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        finish();
      }
      else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }

  function jumpTo(sequence) {
    if (state.messages.has(sequence)) {
      highlight(sequence);
    }
    else if (state.current !== null) {
      openChannel(state.current, sequence, true);
    }
  }

  function highlight(sequence) {
    var article = document.getElementById('msg-' + sequence);
    if (!article) {
      return;
    }
    el.messages.querySelectorAll('.chat-msg.highlight').forEach(function (other) {
      other.classList.remove('highlight');
    });
    article.classList.add('highlight');
    article.scrollIntoView({block: 'center'});
    article.focus({preventScroll: true});
  }

  function nearBottom() {
    return el.messages.scrollHeight - el.messages.scrollTop - el.messages.clientHeight < 80;
  }

  function scrollToBottom() {
    el.messages.scrollTop = el.messages.scrollHeight;
  }

  // ---- read receipts ---------------------------------------------------------------------------------------

  /**
   * Who has read what, the way officials read a thread: each reader is named under the newest of my messages
   * they have read (so the line does not repeat under every message); every message's tooltip lists all its readers.
   */
  function renderAllReceipts() {
    var own = [];
    state.messages.forEach(function (message) {
      if (message.author === state.me && !message.deleted) {
        own.push(message.sequence);
      }
    });
    own.sort(function (a, b) {
      return a - b;
    });
    var placed = new Map();
    state.members.forEach(function (member) {
      if (member.username === state.me) {
        return;
      }
      var at = null;
      for (var i = own.length - 1; i >= 0; i--) {
        if (own[i] <= member.lastReadSequence) {
          at = own[i];
          break;
        }
      }
      if (at !== null) {
        placed.set(at, (placed.get(at) || []).concat([member.fullName]));
      }
    });
    own.forEach(function (sequence) {
      var receipt = document.getElementById('receipt-' + sequence);
      if (!receipt) {
        return;
      }
      var names = placed.get(sequence) || [];
      receipt.textContent = !names.length ? '' : t('ReadBy', names.length > 4
        ? t('AndOthers', names.slice(0, 3).join(', '), names.length - 3) : names.join(', '));
      var all = [];
      state.members.forEach(function (member) {
        if (member.username !== state.me && member.lastReadSequence >= sequence) {
          all.push(member.fullName);
        }
      });
      var article = document.getElementById('msg-' + sequence);
      if (article) {
        article.title = all.length ? t('ReadBy', all.join(', ')) : '';
      }
    });
  }

  var receiptsQueued = false;

  function renderReceiptsSoon() {
    if (!receiptsQueued) {
      receiptsQueued = true;
      window.requestAnimationFrame(function () {
        receiptsQueued = false;
        renderAllReceipts();
      });
    }
  }

  var readTimer = null;

  function markReadSoon() {
    clearTimeout(readTimer);
    readTimer = setTimeout(markRead, 300);
  }

  /** Moves the read mark when the official can actually see the newest message. */
  function markRead() {
    var channel = state.channels.get(state.current);
    if (!channel || document.visibilityState !== 'visible' || !nearBottom()) {
      return;
    }
    var newest = 0;
    state.messages.forEach(function (message, sequence) {
      newest = Math.max(newest, sequence);
    });
    if (newest <= state.lastReadSent) {
      return;
    }
    if (newest <= channel.lastReadSequence && channel.unread === 0) {
      state.lastReadSent = newest;
      return;
    }
    state.lastReadSent = newest;
    if (!publish(channel.id, 'read', {sequence: newest})) {
      api('POST', '/api/v1/chat/channels/' + channel.id + '/read', {sequence: newest}).catch(function () {
        state.lastReadSent = 0;
      });
    }
    channel.lastReadSequence = Math.max(channel.lastReadSequence, newest);
    channel.unread = 0;
    renderChannels();
  }

  // ---- events ----------------------------------------------------------------------------------------------

  function onChannelEvent(event) {
    if (event.channelId !== state.current) {
      return;
    }
    switch (event.type) {
      case 'MESSAGE':
        onMessage(event.message);
        break;
      case 'EDITED':
      case 'DELETED':
      case 'REACTION':
        if (state.messages.has(event.message.sequence)) {
          upsert(event.message);
        }
        break;
      case 'READ':
        onRead(event.username, event.sequence);
        break;
      case 'TYPING':
        onTyping(event.username, event.fullName);
        break;
      default:
        break;
    }
  }

  function onMessage(message) {
    settlePending(message);
    stopTyping(message.author);
    if (!state.members.has(message.author)) {
      refreshMembers();
    }
    var wasAtBottom = nearBottom() || message.author === state.me;
    var fresh = !state.messages.has(message.sequence);
    upsert(message);
    if (message.sequence <= state.newest + 1) {
      state.newest = Math.max(state.newest, message.sequence);
    }
    else {
      catchUp();
    }
    var channel = state.channels.get(message.channelId);
    if (channel) {
      channel.lastSequence = Math.max(channel.lastSequence, message.sequence);
      channel.lastMessageAt = message.createdAt;
    }
    if (wasAtBottom) {
      scrollToBottom();
    }
    if (fresh && message.author !== state.me) {
      if (document.hidden) {
        notify(message.authorName + ' · ' + (channel ? channel.title : ''),
          excerpt(message.text || (message.file ? message.file.name : ''), 120),
          'chat-' + message.channelId);
      }
      markReadSoon();
    }
  }

  function onRead(username, sequence) {
    var member = state.members.get(username);
    if (!member) {
      refreshMembers();
      return;
    }
    member.lastReadSequence = Math.max(member.lastReadSequence, sequence);
    renderAllReceipts();
  }

  function refreshMembers() {
    var channelId = state.current;
    api('GET', '/api/v1/chat/channels/' + channelId + '/members').then(function (members) {
      if (channelId !== state.current) {
        return;
      }
      members.forEach(function (member) {
        var known = state.members.get(member.username);
        if (known) {
          member.lastReadSequence = Math.max(member.lastReadSequence, known.lastReadSequence);
        }
        state.members.set(member.username, member);
      });
      renderAllReceipts();
    }).catch(function () {
      // Receipts stay as they were; the next event tries again.
    });
  }

  function onTyping(username, fullName) {
    if (username === state.me) {
      return;
    }
    var typing = state.typing.get(username);
    if (typing) {
      clearTimeout(typing.timer);
    }
    state.typing.set(username, {
      name: fullName || username,
      timer: setTimeout(function () {
        stopTyping(username);
      }, 5000)
    });
    renderTyping();
  }

  function stopTyping(username) {
    var typing = state.typing.get(username);
    if (typing) {
      clearTimeout(typing.timer);
      state.typing.delete(username);
      renderTyping();
    }
  }

  function renderTyping() {
    var names = [];
    state.typing.forEach(function (typing) {
      names.push(typing.name);
    });
    el.typing.textContent = names.length ? t('Typing', names.join(', ')) : '';
  }

  function onNotification(notification) {
    var channel = state.channels.get(notification.channelId);
    if (notification.type === 'UNREAD') {
      if (!channel) {
        // A conversation someone else just started with me.
        loadChannels();
        return;
      }
      var grew = notification.unread > channel.unread;
      channel.unread = notification.unread;
      channel.lastSequence = Math.max(channel.lastSequence, notification.sequence);
      if (notification.channelId === state.current && notification.unread > 0 && !document.hidden) {
        markReadSoon();
      }
      renderChannels();
      if (grew && document.hidden && notification.channelId !== state.current) {
        notify(t('NotifyNew', channel.title), '', 'chat-' + channel.id);
      }
    }
    else if (notification.type === 'MENTION' && document.hidden) {
      notify(notification.authorName + (channel ? ' · ' + channel.title : ''), notification.excerpt || '',
        'chat-' + notification.channelId);
    }
  }

  // ---- posting ---------------------------------------------------------------------------------------------

  function send() {
    var channel = state.channels.get(state.current);
    var text = el.input.value.trim();
    if (!channel || !text) {
      return;
    }
    if (state.session && text.length > state.session.maxTextLength) {
      showError(t('Failed'));
      return;
    }
    var id = newId();
    var pending = {channelId: channel.id, text: text, replyTo: state.replyTo, node: null, failed: false};
    pending.node = renderPending(id, pending);
    state.pending.set(id, pending);
    el.messages.appendChild(pending.node);
    scrollToBottom();
    el.input.value = '';
    setReply(null);
    showError('');
    publishPost(id, pending);
  }

  function publishPost(id, pending) {
    pending.failed = false;
    updatePending(id, pending, t('Sending'));
    publish(pending.channelId, 'messages', {text: pending.text, replyTo: pending.replyTo, clientMessageId: id});
    // Not connected: onConnect sends it again with the same id (stored once, whatever happens).
  }

  function renderPending(id, pending) {
    var article = node('article', 'chat-msg own pending');
    article.dataset.clientId = id;
    var head = node('div', 'chat-msg-head');
    head.appendChild(node('span', 'chat-author', memberName(state.me)));
    head.appendChild(node('span', 'chat-pending-state'));
    article.appendChild(head);
    var body = node('div', 'chat-text');
    appendRichText(body, pending.text, []);
    article.appendChild(body);
    return article;
  }

  function updatePending(id, pending, stateText) {
    var label = pending.node.querySelector('.chat-pending-state');
    label.replaceChildren(document.createTextNode(stateText));
    pending.node.classList.toggle('failed', pending.failed);
    if (pending.failed) {
      var retry = node('button', 'btn btn-link btn-sm p-0 ms-2', t('Retry'));
      retry.type = 'button';
      retry.addEventListener('click', function () {
        if (pending.retry) {
          pending.retry();
        }
        else {
          publishPost(id, pending);
        }
      });
      label.appendChild(retry);
    }
  }

  function settlePending(message) {
    if (!message.clientMessageId) {
      return;
    }
    var pending = state.pending.get(message.clientMessageId);
    if (pending) {
      pending.node.remove();
      state.pending.delete(message.clientMessageId);
    }
  }

  function onAck(message) {
    settlePending(message);
    if (message.channelId === state.current) {
      onMessage(message);
    }
  }

  function onStompRefusal(error) {
    if (!error.channelId && error.code === 'FORBIDDEN') {
      // Perhaps the sign-in has ended (logout in another tab, expiry): then the API answers 401 and api() sends
      // the official to the login page.
      api('GET', '/api/v1/chat/session').catch(function () {
        // Signed in after all: the refusal below says what went wrong.
      });
    }
    var pending = error.clientMessageId ? state.pending.get(error.clientMessageId) : null;
    if (pending) {
      pending.failed = true;
      updatePending(error.clientMessageId, pending, error.message || t('Failed'));
    }
    if (!error.channelId || (error.channelId === state.current && state.confirmed)) {
      showError(error.message || t('Failed'));
    }
  }

  function setReply(message) {
    state.replyTo = message ? message.sequence : null;
    el.reply.classList.toggle('d-none', !message);
    el.replyText.textContent = message
      ? t('ReplyingTo', message.authorName || message.author) + ': ' + excerpt(message.text, 80) : '';
    if (message) {
      el.input.focus();
    }
  }

  // ---- presence --------------------------------------------------------------------------------------------

  var IDLE_AFTER_MS = 5 * 60 * 1000;   // no keyboard or mouse for this long: away
  var HIDDEN_AFTER_MS = 60 * 1000;     // the tab in the background for this long: away
  var lastInput = Date.now();
  var hiddenSince = document.hidden ? Date.now() : null;
  var idleTimer = null;

  function onPresence(presence) {
    if (presence.state === 'OFFLINE') {
      state.presence.delete(presence.username);
    }
    else {
      state.presence.set(presence.username, presence.state);
    }
    renderPresence();
  }

  function presenceOf(username) {
    return state.presence.get(username) || 'OFFLINE';
  }

  function presenceText(username) {
    var now = presenceOf(username);
    return t(now === 'ONLINE' ? 'PresenceOnline' : now === 'AWAY' ? 'PresenceAway' : 'PresenceOffline');
  }

  function presenceDot(username) {
    var now = presenceOf(username).toLowerCase();
    var dot = node('span', 'chat-presence is-' + now);
    dot.dataset.presenceOf = username;
    dot.title = presenceText(username);
    dot.setAttribute('role', 'img');
    dot.setAttribute('aria-label', dot.title);
    return dot;
  }

  /** Updates every dot and state text on the page in place (no re-render of lists). */
  function renderPresence() {
    document.querySelectorAll('[data-presence-of]').forEach(function (dot) {
      var username = dot.dataset.presenceOf;
      dot.className = 'chat-presence is-' + presenceOf(username).toLowerCase();
      dot.title = presenceText(username);
      dot.setAttribute('aria-label', dot.title);
    });
    var channel = state.channels.get(state.current);
    var peerState = el.info.querySelector('.chat-peer-state');
    if (channel && channel.peer && peerState) {
      peerState.textContent = presenceText(channel.peer);
    }
  }

  function isIdle() {
    var now = Date.now();
    return now - lastInput >= IDLE_AFTER_MS || (hiddenSince !== null && now - hiddenSince >= HIDDEN_AFTER_MS);
  }

  function setAway(away) {
    if (away === state.away || !state.connected) {
      return;
    }
    state.away = away;
    state.client.publish({destination: '/app/presence', body: JSON.stringify({state: away ? 'away' : 'active'})});
  }

  /** Re-checks idleness when the next threshold can pass; any input or showing the tab makes the official active. */
  function scheduleIdleCheck() {
    clearTimeout(idleTimer);
    var now = Date.now();
    var untilIdle = IDLE_AFTER_MS - (now - lastInput);
    if (hiddenSince !== null) {
      untilIdle = Math.min(untilIdle, HIDDEN_AFTER_MS - (now - hiddenSince));
    }
    idleTimer = setTimeout(function () {
      setAway(isIdle());
      scheduleIdleCheck();
    }, Math.max(1000, untilIdle));
  }

  function onActivity() {
    lastInput = Date.now();
    if (state.away && !document.hidden) {
      setAway(false);
    }
  }

  // ---- members ---------------------------------------------------------------------------------------------

  function showMembers() {
    var channel = state.channels.get(state.current) || {};
    var group = channel.kind === 'GROUP' && !channel.closed;
    el.membersAdd.classList.toggle('d-none', !(group && channel.moderator));
    el.leaveRow.classList.toggle('d-none', !group);
    el.membersSearch.value = '';
    el.membersResults.replaceChildren();
    el.membersError.classList.add('d-none');
    el.membersList.replaceChildren(node('li', 'list-group-item small text-secondary', t('LoadingOlder')));
    el.membersDialog.showModal();
    loadMembersList(state.current);
  }

  function loadMembersList(channelId) {
    api('GET', '/api/v1/chat/channels/' + channelId + '/members').then(function (members) {
      renderMembersList(channelId, members);
    }).catch(function () {
      el.membersList.replaceChildren(node('li', 'list-group-item small text-danger', t('LoadError')));
    });
  }

  function membersError(text) {
    el.membersError.textContent = text;
    el.membersError.classList.remove('d-none');
  }

  /** The officials found for the group's add box; choosing one adds them at once (the moderator's act). */
  function searchMembersToAdd() {
    var channelId = state.current;
    findOfficials(el.membersSearch, el.membersResults, 'chat-member-pick', function (username) {
      return state.members.has(username);
    }, function (official) {
      api('POST', '/api/v1/chat/channels/' + channelId + '/members', {usernames: [official.username]})
        .then(function (members) {
          el.membersSearch.value = '';
          el.membersResults.replaceChildren();
          el.membersError.classList.add('d-none');
          renderMembersList(channelId, members);
        }).catch(function (error) {
          membersError(error.message);
        });
    });
  }

  function leaveGroup() {
    var channel = state.channels.get(state.current);
    if (!channel || !window.confirm(t('LeaveConfirm', channel.title))) {
      return;
    }
    api('POST', '/api/v1/chat/channels/' + channel.id + '/leave').then(function () {
      el.membersDialog.close();
      state.channels.delete(channel.id);
      subscribeChannel(null);
      state.current = null;
      resetConversation();
      renderHeader(null);
      el.title.textContent = t('Choose');
      window.history.replaceState(null, '', base + '/chat');
      app.classList.add('show-list');
      loadChannels();
    }).catch(function (error) {
      membersError(error.message);
    });
  }

  function renderMembersList(channelId, members) {
    if (channelId !== state.current) {
      return;
    }
    members.forEach(function (member) {
      state.members.set(member.username, member);
    });
    var rank = {ONLINE: 0, AWAY: 1, OFFLINE: 2};
    members.sort(function (a, b) {
      return rank[presenceOf(a.username)] - rank[presenceOf(b.username)]
        || a.fullName.localeCompare(b.fullName, 'vi');
    });
    el.membersList.replaceChildren();
    el.membersDialog.querySelector('.chat-members-count').textContent = t('Members', members.length);
    members.forEach(function (member) {
      var item = node('li', 'list-group-item d-flex align-items-center gap-2 chat-member');
      item.dataset.username = member.username;
      item.appendChild(presenceDot(member.username));
      var who = node('span', 'flex-grow-1');
      who.appendChild(node('span', 'd-block', member.fullName + (member.username === state.me ? ' ' + t('You') : '')));
      who.appendChild(node('span', 'd-block small text-secondary', '@' + member.username));
      item.appendChild(who);
      if (member.moderator) {
        item.appendChild(node('span', 'badge text-bg-light border', t('Moderator')));
      }
      el.membersList.appendChild(item);
    });
  }

  // ---- audit trail (administrators) ------------------------------------------------------------------------

  /** System administrators read every trail; unit administrators those of channels they moderate. */
  function canAudit(channelId) {
    var channel = state.channels.get(channelId) || {};
    return app.dataset.auditor === 'system' || (app.dataset.auditor === 'unit' && channel.moderator === true);
  }

  function showAudit(message) {
    el.auditList.replaceChildren(node('li', 'list-group-item small text-secondary', t('LoadingOlder')));
    el.auditDialog.showModal();
    api('GET', '/api/v1/admin/chat/channels/' + message.channelId + '/messages/' + message.sequence + '/audit')
      .then(function (entries) {
        el.auditList.replaceChildren();
        if (!entries.length) {
          el.auditList.appendChild(node('li', 'list-group-item small text-secondary', t('AuditEmpty')));
        }
        entries.forEach(function (entry) {
          var item = node('li', 'list-group-item chat-audit-entry');
          item.dataset.action = entry.action;
          var head = node('div', 'small');
          head.appendChild(node('strong', null, entry.action === 'DELETED' ? t('AuditDeleted') : t('AuditEdited')));
          head.appendChild(document.createTextNode(' · ' + memberName(entry.actor) + ' (@' + entry.actor + ') · '
            + formatDate(entry.at)));
          item.appendChild(head);
          item.appendChild(node('div', 'chat-text chat-audit-previous', entry.previousText));
          el.auditList.appendChild(item);
        });
      }).catch(function (error) {
        el.auditList.replaceChildren(node('li', 'list-group-item small text-danger', error.message));
      });
  }

  // ---- files -----------------------------------------------------------------------------------------------

  var sizeFormat = new Intl.NumberFormat('vi-VN', {maximumFractionDigits: 1});
  var PREVIEWABLE = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

  function formatSize(bytes) {
    if (bytes < 1024) {
      return sizeFormat.format(bytes) + ' B';
    }
    if (bytes < 1024 * 1024) {
      return sizeFormat.format(bytes / 1024) + ' KB';
    }
    return sizeFormat.format(bytes / (1024 * 1024)) + ' MB';
  }

  function renderFile(file) {
    var href = base + '/api/v1/chat/files/' + encodeURIComponent(file.id);
    var card = node('div', 'chat-file');
    if (PREVIEWABLE.indexOf(file.contentType) >= 0) {
      var preview = node('img', 'chat-file-preview');
      preview.src = href;
      preview.alt = file.name;
      preview.loading = 'lazy';
      card.appendChild(preview);
    }
    var link = node('a', 'chat-file-link');
    link.href = href;
    link.setAttribute('download', file.name);
    link.appendChild(fileIcon());
    link.appendChild(node('span', 'chat-file-name', file.name));
    card.appendChild(link);
    card.appendChild(node('span', 'chat-file-size small text-secondary', formatSize(file.size)));
    return card;
  }

  /** A document outline (drawn, not an emoji: not every office PC has an emoji font). */
  function fileIcon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('class', 'chat-icon');
    svg.setAttribute('aria-hidden', 'true');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M4 1.5h5l3.5 3.5v9.5h-8.5zM9 1.5V5h3.5M6 8h4.5M6 10.5h4.5M6 13h3');
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '1.2');
    path.setAttribute('stroke-linejoin', 'round');
    svg.appendChild(path);
    return svg;
  }

  /** Checks the size at once (nothing is sent when it is too large), then uploads with a progress line. */
  function uploadFiles(files) {
    var channel = state.channels.get(state.current);
    if (!channel || !channel.canPost) {
      return;
    }
    Array.prototype.forEach.call(files, function (file) {
      uploadFile(channel.id, file);
    });
  }

  function uploadFile(channelId, file) {
    var limit = state.session ? state.session.maxFileSize : 0;
    if (file.size === 0) {
      showError(t('FileEmpty', file.name));
      return;
    }
    if (limit && file.size > limit) {
      showError(t('FileTooLarge', formatSize(limit), file.name, formatSize(file.size)));
      return;
    }
    showError('');
    var caption = el.input.value.trim();
    var id = newId();
    var pending = {channelId: channelId, text: caption, replyTo: state.replyTo, node: null, failed: false, upload: true};
    pending.node = renderPending(id, pending);
    pending.node.querySelector('.chat-text').appendChild(
      node('div', 'chat-file', file.name + ' (' + formatSize(file.size) + ')'));
    state.pending.set(id, pending);
    el.messages.appendChild(pending.node);
    scrollToBottom();
    if (caption) {
      el.input.value = '';
    }
    setReply(null);
    sendFile(id, pending, file);
  }

  function sendFile(id, pending, file) {
    var form = new FormData();
    form.append('file', file, file.name);
    if (pending.text) {
      form.append('text', pending.text);
    }
    if (pending.replyTo) {
      form.append('replyTo', pending.replyTo);
    }
    form.append('clientMessageId', id);
    var request = new XMLHttpRequest();
    request.open('POST', base + '/api/v1/chat/channels/' + pending.channelId + '/files');
    request.setRequestHeader('Accept', 'application/json');
    if (state.session && state.session.csrfHeader) {
      request.setRequestHeader(state.session.csrfHeader, state.session.csrfToken);
    }
    request.upload.onprogress = function (event) {
      if (event.lengthComputable) {
        updatePending(id, pending, t('Uploading', Math.floor(100 * event.loaded / event.total)));
      }
    };
    request.onload = function () {
      var body = null;
      try {
        body = JSON.parse(request.responseText);
      }
      catch (ignored) {
        // An answer without JSON (e.g. a proxy's page): the status says enough.
      }
      if (request.status === 201 && body) {
        settlePending(body);
        if (body.channelId === state.current) {
          onMessage(body);
        }
        return;
      }
      if (request.status === 401) {
        window.location.reload();
        return;
      }
      pending.failed = true;
      pending.retry = function () {
        sendFile(id, pending, file);
      };
      updatePending(id, pending, (body && body.detail) || t('Failed'));
    };
    request.onerror = function () {
      pending.failed = true;
      pending.retry = function () {
        sendFile(id, pending, file);
      };
      updatePending(id, pending, t('Failed'));
    };
    pending.failed = false;
    updatePending(id, pending, t('Uploading', 0));
    request.send(form);
  }

  // ---- new group -------------------------------------------------------------------------------------------

  var groupTimer = null;

  function openGroupDialog() {
    state.groupMembers = new Map();
    el.groupTitle.value = '';
    el.groupSearch.value = '';
    el.groupResults.replaceChildren();
    el.groupError.classList.add('d-none');
    renderGroupChosen();
    el.groupDialog.showModal();
    el.groupTitle.focus();
  }

  function renderGroupChosen() {
    el.groupChosen.replaceChildren();
    state.groupMembers.forEach(function (fullName, username) {
      var chip = node('span', 'badge rounded-pill text-bg-light border chat-chip');
      chip.dataset.username = username;
      chip.appendChild(document.createTextNode(fullName));
      var remove = node('button', 'btn-close btn-close-sm ms-1');
      remove.type = 'button';
      remove.setAttribute('aria-label', t('Remove', fullName));
      remove.addEventListener('click', function () {
        state.groupMembers.delete(username);
        renderGroupChosen();
      });
      chip.appendChild(remove);
      el.groupChosen.appendChild(chip);
    });
  }

  function searchGroupMembers() {
    findOfficials(el.groupSearch, el.groupResults, 'chat-group-pick', function (username) {
      return username === state.me;
    }, function (official) {
      state.groupMembers.set(official.username, official.fullName);
      el.groupError.classList.add('d-none');
      renderGroupChosen();
      el.groupSearch.value = '';
      el.groupResults.replaceChildren();
      el.groupSearch.focus();
    });
  }

  function groupError(text) {
    el.groupError.textContent = text;
    el.groupError.classList.remove('d-none');
  }

  function createGroup() {
    var title = el.groupTitle.value.trim();
    if (!title) {
      groupError(t('GroupTitleRequired'));
      el.groupTitle.focus();
      return;
    }
    if (!state.groupMembers.size) {
      groupError(t('GroupMembersRequired'));
      el.groupSearch.focus();
      return;
    }
    api('POST', '/api/v1/chat/groups', {title: title, members: Array.from(state.groupMembers.keys())})
      .then(function (channel) {
        el.groupDialog.close();
        state.channels.set(channel.id, channel);
        openChannel(channel.id, null, true);
        loadChannels();
        el.input.focus();
      }).catch(function (error) {
        groupError(error.message);
      });
  }

  // ---- desktop notifications -------------------------------------------------------------------------------

  function notify(title, body, tag) {
    if (!('Notification' in window) || Notification.permission !== 'granted') {
      return;
    }
    try {
      var shown = new Notification(title, {body: body, tag: tag});
      shown.onclick = function () {
        window.focus();
        shown.close();
      };
    }
    catch (ignored) {
      // Some browsers only allow notifications from a service worker.
    }
  }

  function renderNotifyButton() {
    var supported = 'Notification' in window;
    el.notifyButton.classList.toggle('d-none', !supported || Notification.permission !== 'default');
  }

  // ---- new direct message ----------------------------------------------------------------------------------

  var searchTimer = null;

  function searchOfficials() {
    findOfficials(el.dialogSearch, el.dialogResults, 'chat-direct-pick', function (username) {
      return username === state.me;
    }, function (official) {
      api('POST', '/api/v1/chat/direct', {username: official.username}).then(function (channel) {
        el.dialog.close();
        state.channels.set(channel.id, channel);
        openChannel(channel.id, null, true);
        loadChannels();
        el.input.focus();
      }).catch(function (error) {
        showError(error.message);
        el.dialog.close();
      });
    });
  }

  /**
   * Officials matching what is typed in {@code input} (two characters at least), as buttons in {@code results};
   * {@code skip} leaves some out (oneself, members already in), {@code pick} is what choosing one does.
   */
  function findOfficials(input, results, pickClass, skip, pick) {
    var query = input.value.trim();
    if (query.length < 2) {
      results.replaceChildren();
      return;
    }
    api('GET', '/api/v1/officials?limit=15&q=' + encodeURIComponent(query)).then(function (officials) {
      if (query !== input.value.trim()) {
        return;
      }
      results.replaceChildren();
      var shown = officials.filter(function (official) {
        return official.active !== false && !skip(official.username);
      });
      if (!shown.length) {
        results.appendChild(node('li', 'list-group-item small text-secondary', t('NoneFound')));
      }
      shown.forEach(function (official) {
        var item = node('li', 'list-group-item p-0');
        var button = node('button', 'btn btn-link text-start w-100 ' + pickClass);
        button.type = 'button';
        button.dataset.username = official.username;
        button.appendChild(node('span', 'd-block fw-semibold', official.fullName));
        button.appendChild(node('span', 'd-block small text-secondary',
          [official.title, official.unitName].filter(Boolean).join(' · ')));
        button.addEventListener('click', function () {
          pick(official);
        });
        item.appendChild(button);
        results.appendChild(item);
      });
    }).catch(function () {
      results.replaceChildren(node('li', 'list-group-item small text-danger', t('LoadError')));
    });
  }

  // ---- @mention suggestions ------------------------------------------------------------------------------

  var mentionList = document.getElementById('chat-mention-list');
  var mentionChoice = 0;

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  }

  function mentionQuery() {
    var before = el.input.value.slice(0, el.input.selectionStart);
    // Up to three words, so that a full name such as "@Võ Thị Hồng" still finds her.
    var match = /(^|\s)@([^\s@]*(?: [^\s@]+){0,2})$/.exec(before);
    return match ? match[2] : null;
  }

  function suggestMentions() {
    var query = mentionQuery();
    mentionList.replaceChildren();
    if (query === null) {
      mentionList.classList.add('d-none');
      return;
    }
    var wanted = fold(query);
    var found = [];
    state.members.forEach(function (member) {
      if (member.username !== state.me && found.length < 6
          && (member.username.indexOf(wanted) === 0 || fold(member.fullName).indexOf(wanted) >= 0)) {
        found.push(member);
      }
    });
    found.forEach(function (member, index) {
      var option = node('button', 'list-group-item list-group-item-action py-1' + (index === 0 ? ' active' : ''));
      option.type = 'button';
      option.setAttribute('role', 'option');
      option.dataset.username = member.username;
      option.appendChild(node('span', 'fw-semibold', member.fullName));
      option.appendChild(node('span', 'small ms-2', '@' + member.username));
      option.addEventListener('mousedown', function (event) {
        event.preventDefault();
        insertMention(member.username);
      });
      mentionList.appendChild(option);
    });
    mentionChoice = 0;
    mentionList.classList.toggle('d-none', !found.length);
  }

  function insertMention(username) {
    var caret = el.input.selectionStart;
    var before = el.input.value.slice(0, caret).replace(/@[^\s@]*(?: [^\s@]+){0,2}$/, '@' + username + ' ');
    el.input.value = before + el.input.value.slice(caret);
    el.input.setSelectionRange(before.length, before.length);
    mentionList.classList.add('d-none');
    el.input.focus();
  }

  /** Arrow keys, Enter and Tab pick a suggestion while the list is open; answers whether the key was used. */
  function mentionKey(event) {
    var options = mentionList.querySelectorAll('[role=option]');
    if (mentionList.classList.contains('d-none') || !options.length) {
      return false;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      options[mentionChoice].classList.remove('active');
      mentionChoice = (mentionChoice + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length;
      options[mentionChoice].classList.add('active');
      return true;
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      insertMention(options[mentionChoice].dataset.username);
      return true;
    }
    if (event.key === 'Escape') {
      mentionList.classList.add('d-none');
      return true;
    }
    return false;
  }

  // ---- wiring ----------------------------------------------------------------------------------------------

  el.composer.addEventListener('submit', function (event) {
    event.preventDefault();
    send();
  });
  el.input.addEventListener('keydown', function (event) {
    if (!event.isComposing && mentionKey(event)) {
      event.preventDefault();
      return;
    }
    // Enter sends, Shift+Enter is a new line; never while an input method is composing a Vietnamese word.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      send();
    }
    else if (event.key === 'Escape' && state.replyTo !== null) {
      setReply(null);
    }
  });
  el.input.addEventListener('input', function () {
    suggestMentions();
    var now = Date.now();
    if (state.current !== null && el.input.value && now - state.lastTypingSent > 3000) {
      state.lastTypingSent = now;
      publish(state.current, 'typing', {});
    }
  });
  el.replyCancel.addEventListener('click', function () {
    setReply(null);
    el.input.focus();
  });
  el.messages.addEventListener('scroll', function () {
    if (el.messages.scrollTop < 120) {
      loadOlder();
    }
    if (nearBottom()) {
      markReadSoon();
    }
  }, {passive: true});
  el.back.addEventListener('click', function () {
    app.classList.add('show-list');
  });
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      markReadSoon();
    }
  });
  el.notifyButton.addEventListener('click', function () {
    Notification.requestPermission().then(function () {
      renderNotifyButton();
      if (Notification.permission === 'granted') {
        setStatus('NotificationsOn');
      }
    });
  });
  el.attach.addEventListener('click', function () {
    el.fileInput.click();
  });
  el.fileInput.addEventListener('change', function () {
    uploadFiles(el.fileInput.files);
    el.fileInput.value = '';
  });
  el.conversation.addEventListener('dragover', function (event) {
    if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0
        && !el.composer.classList.contains('d-none')) {
      event.preventDefault();
      el.conversation.classList.add('drop-target');
    }
  });
  el.conversation.addEventListener('dragleave', function (event) {
    if (!el.conversation.contains(event.relatedTarget)) {
      el.conversation.classList.remove('drop-target');
    }
  });
  el.conversation.addEventListener('drop', function (event) {
    el.conversation.classList.remove('drop-target');
    if (event.dataTransfer && event.dataTransfer.files.length && !el.composer.classList.contains('d-none')) {
      event.preventDefault();
      uploadFiles(event.dataTransfer.files);
    }
  });
  el.membersButton.addEventListener('click', showMembers);
  var memberTimer = null;
  el.membersSearch.addEventListener('input', function () {
    clearTimeout(memberTimer);
    memberTimer = setTimeout(searchMembersToAdd, 250);
  });
  el.leave.addEventListener('click', leaveGroup);
  el.newGroup.addEventListener('click', openGroupDialog);
  el.groupSearch.addEventListener('input', function () {
    clearTimeout(groupTimer);
    groupTimer = setTimeout(searchGroupMembers, 250);
  });
  el.groupSearch.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      // Enter picks the first match instead of submitting the dialog.
      event.preventDefault();
      var first = el.groupResults.querySelector('.chat-group-pick');
      if (first) {
        first.click();
      }
    }
  });
  el.groupForm.addEventListener('submit', function (event) {
    event.preventDefault();
    createGroup();
  });
  ['keydown', 'mousedown', 'pointermove', 'touchstart', 'wheel'].forEach(function (type) {
    document.addEventListener(type, onActivity, {passive: true});
  });
  document.addEventListener('visibilitychange', function () {
    hiddenSince = document.hidden ? Date.now() : null;
    if (!document.hidden) {
      onActivity();
    }
    scheduleIdleCheck();
  });
  el.newDirect.addEventListener('click', function () {
    el.dialogSearch.value = '';
    el.dialogResults.replaceChildren();
    el.dialog.showModal();
    el.dialogSearch.focus();
  });
  el.dialogSearch.addEventListener('input', function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(searchOfficials, 250);
  });

  // ---- start -----------------------------------------------------------------------------------------------

  renderNotifyButton();
  scheduleIdleCheck();
  api('GET', '/api/v1/chat/session').then(function (session) {
    state.session = session;
    state.me = session.username;
    return loadChannels();
  }).then(function (channels) {
    var wanted = Number(app.dataset.channel) || null;
    var sequence = Number(app.dataset.seq) || null;
    connect();
    if (wanted) {
      openChannel(wanted, sequence, true);
    }
    else if (channels.length) {
      openChannel(channels[0].id, null, false);
    }
  }).catch(function () {
    showError(t('LoadError'));
  });
})();
