// Thư: the webmail's pages. The server draws them and they work without this script; it adds keyboard shortcuts,
// stars without a page load, the message frame's height, recipient completion and drafts saved while writing.
// Texts come from data-t-* attributes; whatever comes from a mail or the directory is put in with textContent.
(function () {
  'use strict';

  var app = document.getElementById('mail-app');
  if (!app) {
    return;
  }
  var view = app.dataset.view;
  var base = (app.dataset.base || '/').replace(/\/$/, '');

  // ---- helpers -----------------------------------------------------------------------------------------------

  function text(holder, key) {
    var value = holder.dataset['t' + key] || key;
    for (var i = 2; i < arguments.length; i++) {
      value = value.split('{' + (i - 2) + '}').join(String(arguments[i]));
    }
    return value;
  }

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

  // The detail of an RFC 7807 problem, or the fallback text.
  function problemDetail(response, fallback) {
    return response.json().then(function (problem) {
      return problem && problem.detail ? problem.detail : fallback;
    }, function () {
      return fallback;
    });
  }

  function isTyping(target) {
    if (!target) {
      return false;
    }
    var tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
  }

  function click(id) {
    var element = document.getElementById(id);
    if (element) {
      element.click();
      return true;
    }
    return false;
  }

  function timeNow() {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false
    }).format(new Date());
  }

  // ---- every mail page: confirmations, the shortcuts dialog ---------------------------------------------------

  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });

  var help = document.getElementById('mail-help');
  function openHelp() {
    if (help && !help.open) {
      help.showModal();
    }
  }
  var helpButton = document.getElementById('mail-help-open');
  if (helpButton) {
    helpButton.addEventListener('click', openHelp);
  }

  var handlers = {};   // key -> function, per page

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || (help && help.open)) {
      return;
    }
    var key = event.key;
    var handler = handlers[key];
    if (key === '?') {
      handler = openHelp;
    } else if (key === 'c' && view !== 'compose') {
      handler = function () { click('mail-compose'); };
    }
    if (handler) {
      event.preventDefault();
      handler(event);
    }
  });

  // ---- the list ----------------------------------------------------------------------------------------------

  function setStar(button, flagged) {
    button.setAttribute('aria-pressed', String(flagged));
    button.textContent = flagged ? '★' : '☆';
    var label = text(app, flagged ? 'Unstar' : 'Star');
    button.title = label;
    button.setAttribute('aria-label', label);
    var row = button.closest('.mail-row');
    if (row) {
      row.classList.toggle('flagged', flagged);
    }
  }

  function toggleStar(button) {
    var flagged = button.getAttribute('aria-pressed') !== 'true';
    var url = base + '/api/v1/mail/messages/' + encodeURIComponent(button.dataset.uid) + '/flags?folder='
        + encodeURIComponent(app.dataset.folder);
    setStar(button, flagged);
    fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: csrfHeaders({'Content-Type': 'application/json'}),
      body: JSON.stringify({flagged: flagged})
    }).then(function (response) {
      if (!response.ok) {
        setStar(button, !flagged);
        window.alert(text(app, 'Failed'));
      }
    }, function () {
      setStar(button, !flagged);
      window.alert(text(app, 'Failed'));
    });
  }

  function setUpList() {
    var rows = Array.prototype.slice.call(document.querySelectorAll('.mail-row'));
    var current = -1;

    function select(index) {
      if (!rows.length) {
        return;
      }
      index = Math.max(0, Math.min(rows.length - 1, index));
      if (current >= 0 && rows[current]) {
        rows[current].classList.remove('is-current');
      }
      current = index;
      rows[current].classList.add('is-current');
      rows[current].scrollIntoView({block: 'nearest'});
    }

    rows.forEach(function (row, index) {
      row.addEventListener('click', function (event) {
        if (event.target.closest('a, button, input, label')) {
          return;
        }
        select(index);
        window.location.href = row.dataset.href;
      });
    });
    document.querySelectorAll('.mail-star').forEach(function (button) {
      button.addEventListener('click', function () {
        toggleStar(button);
      });
    });
    var all = document.getElementById('mail-select-all');
    if (all) {
      all.addEventListener('change', function () {
        document.querySelectorAll('.mail-check').forEach(function (box) {
          box.checked = all.checked;
        });
      });
    }

    function currentRow() {
      return current >= 0 ? rows[current] : null;
    }

    handlers.j = function () { select(current + 1); };
    handlers.k = function () { select(current < 0 ? 0 : current - 1); };
    handlers.o = handlers.Enter = function () {
      var row = currentRow();
      if (row) {
        window.location.href = row.dataset.href;
      }
    };
    handlers.x = function () {
      var row = currentRow();
      if (row) {
        var box = row.querySelector('.mail-check');
        box.checked = !box.checked;
      }
    };
    handlers.s = function () {
      var row = currentRow();
      if (row) {
        toggleStar(row.querySelector('.mail-star'));
      }
    };
    handlers['#'] = function () {
      var checked = document.querySelectorAll('.mail-check:checked');
      var row = currentRow();
      if (!checked.length && row) {
        row.querySelector('.mail-check').checked = true;
        checked = [row];
      }
      if (checked.length) {
        click('action-delete');
      }
    };
    if (rows.length) {
      select(0);
    }
  }

  // ---- reading a message -------------------------------------------------------------------------------------

  function setUpMessage() {
    var frame = document.getElementById('mail-body-frame');
    if (frame) {
      // The frame is same-origin (allow-same-origin, no scripts inside), so its height can be read from here.
      var fit = function () {
        try {
          var doc = frame.contentDocument;
          if (doc && doc.documentElement) {
            frame.style.height = Math.max(120, doc.documentElement.scrollHeight + 16) + 'px';
          }
        } catch (e) {
          // Not readable: the frame keeps its own scroll bar.
        }
      };
      frame.addEventListener('load', fit);
      window.addEventListener('resize', fit);
      fit();
    }
    handlers.r = function () { click('mail-reply'); };
    handlers.a = function () { click('mail-reply-all'); };
    handlers.f = function () { click('mail-forward'); };
    handlers.j = function () { click('mail-older'); };
    handlers.k = function () { click('mail-newer'); };
    handlers.u = function () { click('mail-back'); };
    handlers.s = function () { click('action-star'); };
    handlers['#'] = function () { click('action-delete'); };
  }

  // ---- writing -----------------------------------------------------------------------------------------------

  function setUpCompose() {
    var form = document.getElementById('compose-form');
    if (!form) {
      return;
    }
    var AUTOSAVE_MS = 30000;
    var KEEPALIVE_LIMIT = 60000;   // browsers refuse keepalive bodies above 64 KB
    var maxSize = Number(form.dataset.maxSize) || 0;
    var fileInput = document.getElementById('compose-files');
    var keptList = document.getElementById('compose-kept');
    var pendingList = document.getElementById('compose-pending');
    var draftUid = document.getElementById('compose-draft-uid');
    var status = document.getElementById('compose-status');
    var error = document.getElementById('compose-error');
    var sendButton = document.getElementById('compose-send');
    var saveButton = document.getElementById('compose-save');
    var discardButton = document.getElementById('compose-discard');
    var discardUid = document.getElementById('compose-discard-uid');
    var pending = [];          // new files, not yet in a saved draft
    var version = 0;           // bumps on every change
    var savedVersion = 0;      // the version the last successful save carried
    var saving = null;         // the save on its way, if any
    var done = false;          // sent: nothing more to save

    function dirty() {
      return !done && version !== savedVersion;
    }

    function changed() {
      version++;
    }

    function showError(message) {
      error.textContent = message;
      error.classList.remove('d-none');
      error.scrollIntoView({block: 'nearest'});
    }

    function clearError() {
      error.textContent = '';
      error.classList.add('d-none');
    }

    function keptSize() {
      var total = 0;
      keptList.querySelectorAll('li').forEach(function (item) {
        total += Number(item.dataset.size) || 0;
      });
      return total;
    }

    function pendingSize() {
      return pending.reduce(function (sum, file) { return sum + file.size; }, 0);
    }

    // Attachments travel base64-encoded: about a third larger in the message than on disk.
    function encoded(bytes) {
      return Math.ceil(bytes / 3) * 4;
    }

    function empty() {
      return !draftUid.value && !pending.length && !keptList.children.length
          && ['to', 'cc', 'bcc', 'subject', 'text'].every(function (name) {
            return !form.elements[name].value.trim();
          });
    }

    function fileItem(name, size, onRemove) {
      var item = document.createElement('li');
      item.className = 'mail-compose-file';
      item.dataset.size = String(size);
      var label = document.createElement('span');
      label.className = 'mail-compose-file-name';
      label.textContent = name;
      var sizeText = document.createElement('span');
      sizeText.className = 'small text-secondary ms-1';
      sizeText.textContent = '(' + formatSize(size) + ')';
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'btn btn-link btn-sm p-0 ms-2 mail-compose-remove';
      remove.textContent = text(form, 'Remove');
      remove.addEventListener('click', function () {
        onRemove(item);
        changed();
      });
      item.append(label, sizeText, remove);
      return item;
    }

    function formatSize(bytes) {
      if (bytes < 1024) {
        return bytes + ' B';
      }
      if (bytes < 1024 * 1024) {
        return Math.round(bytes / 1024) + ' KB';
      }
      return (bytes / (1024 * 1024)).toFixed(1).replace('.', ',') + ' MB';
    }

    function renderPending() {
      pendingList.replaceChildren();
      pending.forEach(function (file) {
        pendingList.append(fileItem(file.name, file.size, function () {
          pending = pending.filter(function (other) { return other !== file; });
          renderPending();
        }));
      });
    }

    function renderKept(attachments) {
      keptList.replaceChildren();
      attachments.forEach(function (attachment) {
        var item = fileItem(attachment.fileName, attachment.size, function (node) { node.remove(); });
        var keep = document.createElement('input');
        keep.type = 'hidden';
        keep.name = 'keep';
        keep.value = attachment.ref;
        item.prepend(keep);
        keptList.append(item);
      });
    }

    keptList.querySelectorAll('.mail-compose-remove').forEach(function (button) {
      button.addEventListener('click', function () {
        button.closest('li').remove();
        changed();
      });
    });

    fileInput.addEventListener('change', function () {
      clearError();
      Array.prototype.forEach.call(fileInput.files, function (file) {
        if (maxSize && encoded(keptSize() + pendingSize() + file.size) > maxSize) {
          showError(text(form, 'TooLarge', file.name, form.dataset.maxSizeText));
          return;
        }
        pending.push(file);
      });
      fileInput.value = '';
      renderPending();
      changed();
    });

    // Enter in a one-line field must not send a half-written message; Ctrl+Enter sends on purpose.
    form.addEventListener('keydown', function (event) {
      if (event.key !== 'Enter') {
        return;
      }
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        form.requestSubmit(sendButton);
      } else if (event.target.tagName === 'INPUT' && !event.defaultPrevented) {
        event.preventDefault();
      }
    });

    form.addEventListener('input', function (event) {
      if (event.target !== fileInput) {
        changed();
      }
    });

    function formData(withFiles) {
      var data = new FormData(form);
      data.delete('files');
      if (withFiles) {
        pending.forEach(function (file) {
          data.append('files', file, file.name);
        });
      }
      return data;
    }

    function save(options) {
      options = options || {};
      if (saving) {
        return saving;
      }
      if (!dirty() || (empty() && !options.force)) {
        return Promise.resolve();
      }
      var carried = version;
      var sentFiles = pending.slice();
      var keepalive = !!options.leaving && pendingSize() < KEEPALIVE_LIMIT;
      var body = formData(!options.leaving || keepalive);
      status.textContent = text(form, 'Saving');
      var post = function (survivesLeaving) {
        return fetch(form.dataset.draftUrl, {
          method: 'POST', credentials: 'same-origin', headers: csrfHeaders(), body: body, keepalive: survivesLeaving
        });
      };
      // A keepalive request survives leaving the page, but browsers refuse bodies over 64 KB: then an ordinary one.
      var request = keepalive ? post(true).catch(function () { return post(false); }) : post(false);
      saving = request.then(function (response) {
        if (!response.ok) {
          return problemDetail(response, text(form, 'SendFailed')).then(function (detail) {
            status.textContent = text(form, 'SaveFailed', detail);
          });
        }
        return response.json().then(function (saved) {
          if (saved.draftUid) {
            draftUid.value = saved.draftUid;
            discardUid.value = saved.draftUid;
            discardButton.classList.remove('d-none');
          }
          if (!options.leaving || keepalive) {
            // The files are in the draft now: from here on they travel by reference.
            pending = pending.filter(function (file) { return sentFiles.indexOf(file) < 0; });
            renderPending();
            renderKept(saved.attachments || []);
          }
          if (version === carried) {
            savedVersion = carried;
          }
          status.textContent = text(form, 'Saved', timeNow());
        });
      }, function () {
        status.textContent = text(form, 'SaveFailed', text(form, 'SendFailed'));
      }).then(function () {
        saving = null;
      });
      return saving;
    }

    // Discarding: the confirmation comes from the form's data-confirm; nothing is saved on the way out.
    document.getElementById('compose-discard-form').addEventListener('submit', function (event) {
      if (!event.defaultPrevented) {
        done = true;
      }
    });
    saveButton.addEventListener('click', function () {
      changed();
      save({force: true});
    });
    window.setInterval(function () {
      if (dirty()) {
        save();
      }
    }, AUTOSAVE_MS);
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden' && dirty()) {
        save({leaving: true});
      }
    });
    window.addEventListener('pagehide', function () {
      if (dirty() && !saving) {
        save({leaving: true});
      }
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearError();
      sendButton.disabled = true;
      saveButton.disabled = true;
      status.textContent = text(form, 'Sending');
      Promise.resolve(saving).then(function () {
        return fetch(form.dataset.sendUrl, {
          method: 'POST', credentials: 'same-origin', headers: csrfHeaders(), body: formData(true)
        });
      }).then(function (response) {
        if (response.ok) {
          done = true;
          return response.json().then(function (sent) {
            // Sent, but the copy in Đã gửi failed: the list says so instead of "sent".
            window.location.href = sent && sent.warning
                ? form.dataset.sentUrl.replace('sent=1', 'sent=partial') : form.dataset.sentUrl;
          }, function () {
            window.location.href = form.dataset.sentUrl;
          });
        }
        return problemDetail(response, text(form, 'SendFailed')).then(function (detail) {
          status.textContent = '';
          showError(detail);
        });
      }, function () {
        status.textContent = '';
        showError(text(form, 'SendFailed'));
      }).then(function () {
        if (!done) {
          sendButton.disabled = false;
          saveButton.disabled = false;
        }
      });
    });

    document.querySelectorAll('.mail-recipients').forEach(function (input) {
      completeRecipients(form, input, changed);
    });
  }

  // Suggestions for the recipient being typed (the text after the last comma), from the directory.
  function completeRecipients(form, input, changed) {
    var list = document.getElementById(input.getAttribute('aria-controls'));
    var timer = null;
    var asked = 0;
    var options = [];
    var active = -1;

    function token() {
      var value = input.value;
      var cut = Math.max(value.lastIndexOf(','), value.lastIndexOf(';'));
      return {prefix: value.slice(0, cut + 1), word: value.slice(cut + 1).trim()};
    }

    function close() {
      list.classList.add('d-none');
      list.replaceChildren();
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      options = [];
      active = -1;
    }

    function choose(option) {
      var parts = token();
      input.value = (parts.prefix ? parts.prefix.trim() + ' ' : '') + option.dataset.value + ', ';
      close();
      changed();
      input.focus();
    }

    function highlight(index) {
      options.forEach(function (option, i) {
        option.classList.toggle('active', i === index);
        option.setAttribute('aria-selected', String(i === index));
      });
      active = index;
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', options[index].id);
        options[index].scrollIntoView({block: 'nearest'});
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function show(recipients) {
      list.replaceChildren();
      options = [];
      if (!recipients.length) {
        var none = document.createElement('li');
        none.className = 'list-group-item small text-secondary';
        none.textContent = text(form, 'NoSuggestions');
        list.append(none);
      }
      recipients.forEach(function (recipient, index) {
        var option = document.createElement('li');
        option.className = 'list-group-item list-group-item-action mail-suggestion';
        option.id = list.id + '-' + index;
        option.setAttribute('role', 'option');
        option.dataset.value = recipient.value;
        option.dataset.address = recipient.address;
        var name = document.createElement('span');
        name.className = 'fw-semibold';
        name.textContent = recipient.name;
        var address = document.createElement('span');
        address.className = 'ms-2 small';
        address.textContent = '<' + recipient.address + '>';
        var detail = document.createElement('span');
        detail.className = 'd-block small text-secondary';
        detail.textContent = (recipient.kind === 'UNIT' ? text(form, 'Unit') + ' · ' : '') + (recipient.detail || '');
        option.append(name, address, detail);
        // mousedown, not click: it comes before the field loses focus.
        option.addEventListener('mousedown', function (event) {
          event.preventDefault();
          choose(option);
        });
        list.append(option);
        options.push(option);
      });
      list.classList.remove('d-none');
      input.setAttribute('aria-expanded', 'true');
      highlight(options.length ? 0 : -1);
    }

    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      var word = token().word;
      if (word.length < 2) {
        close();
        return;
      }
      timer = window.setTimeout(function () {
        var ticket = ++asked;
        fetch(form.dataset.recipientsUrl + '?q=' + encodeURIComponent(word), {
          credentials: 'same-origin', headers: {Accept: 'application/json'}
        }).then(function (response) {
          return response.ok ? response.json() : [];
        }).then(function (recipients) {
          if (ticket === asked && document.activeElement === input) {
            show(recipients);
          }
        }, function () {
          close();
        });
      }, 200);
    });

    input.addEventListener('keydown', function (event) {
      if (list.classList.contains('d-none')) {
        return;
      }
      if (event.key === 'ArrowDown' && options.length) {
        event.preventDefault();
        highlight((active + 1) % options.length);
      } else if (event.key === 'ArrowUp' && options.length) {
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if ((event.key === 'Enter' || event.key === 'Tab') && active >= 0) {
        event.preventDefault();
        choose(options[active]);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', function () {
      window.setTimeout(close, 150);
    });
  }

  if (view === 'list') {
    setUpList();
  } else if (view === 'message') {
    setUpMessage();
  } else if (view === 'compose') {
    setUpCompose();
  }
})();
