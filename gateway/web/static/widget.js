/* firstline web chat widget: include with
 *   <script src="https://support.example.com/webchat/widget.js" data-lang="en" async></script>
 * Options (data-*): lang (ru|uk|en), name (the visitor's name), open ("true" to start open).
 * Every text from the server is rendered with textContent, never as HTML.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL(script.src, location.href);
  var ALL_TEXTS = window.FIRSTLINE_TEXTS || {};
  var LANGS = ["ru", "uk", "en"];
  var storeKey = "firstline.webchat:" + base.origin;
  var saved = load();
  // Labels speak the conversation's language once there is one; the page's until then.
  var lang = saved.lang ||
    pickLang(script.dataset.lang || document.documentElement.lang || navigator.language);
  var T = ALL_TEXTS[lang] || ALL_TEXTS.en;
  var ws = null;
  var attempt = 0;
  var nextIndex = 0; // first transcript index not shown yet
  var connected = false;
  var limits = { bytes: 0, types: [] }; // for files, from the server's welcome
  // The longest message the server takes (its welcome). Not the input's maxLength: a paste
  // past it was cut there without a word, and the rest of a pasted log never sent.
  var maxChars = 0;
  var MAX_TRIES = 3; // sends of one message without an acknowledgement before giving up
  var TRY_AGAIN_LATER = 1013; // the server's close while its store is unavailable
  var MESSAGE_TOO_BIG = 1009; // the server's close after a frame over its limit (said first)
  var refusal = ""; // why the server closed the last socket, shown past the reconnect
  var sentHere = []; // ids of the messages sent on the current socket
  // Before build(), which draws it: assigned after, the launcher was an empty circle.
  var CHAT_ICON = "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z";
  var ui = build();

  function pickLang(value) {
    var code = String(value || "").slice(0, 2).toLowerCase();
    return LANGS.indexOf(code) >= 0 ? code : "en";
  }

  function load() {
    try {
      var data = JSON.parse(localStorage.getItem(storeKey) || "{}");
      return { token: data.token || null, pending: data.pending || [],
               lang: LANGS.indexOf(data.lang) >= 0 ? data.lang : "" };
    } catch (e) {
      return { token: null, pending: [], lang: "" };
    }
  }

  function save() {
    try { localStorage.setItem(storeKey, JSON.stringify(saved)); } catch (e) { /* private mode */ }
  }

  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function build() {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = new URL("/webchat/widget.css", base).href;
    document.head.appendChild(css);
    var root = el("div", "fl-chat");
    root.setAttribute("lang", lang);
    var launcher = el("button", "fl-launcher");
    launcher.type = "button";
    launcher.appendChild(icon(CHAT_ICON, 28));
    launcher.setAttribute("aria-label", T.open);
    launcher.title = T.open;
    var panel = el("section", "fl-panel");
    panel.setAttribute("aria-label", T.title);
    panel.hidden = true;
    var header = el("header", "fl-header");
    var title = el("span", "fl-title", T.title);
    var ticket = el("span", "fl-ticket");
    ticket.hidden = true;
    var close = el("button", "fl-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", T.close);
    header.append(title, ticket, close);
    var log = el("div", "fl-log");
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.tabIndex = 0; // scrollable with the keyboard
    var history = el("div", "fl-history");
    var pending = el("div", "fl-pending");
    log.append(history, pending);
    var typing = el("div", "fl-typing");
    typing.setAttribute("role", "status");
    var replies = el("div", "fl-replies");
    var status = el("div", "fl-status", T.connecting);
    status.setAttribute("role", "status");
    var form = el("form", "fl-form");
    var input = el("textarea", "fl-input");
    input.rows = 2;
    input.placeholder = T.placeholder;
    input.setAttribute("aria-label", T.placeholder);
    var send = el("button", "fl-send", T.send);
    send.type = "submit";
    var picker = el("input", "fl-file-input");
    picker.type = "file";
    picker.hidden = true;
    picker.tabIndex = -1;
    picker.setAttribute("aria-hidden", "true");
    var attach = el("button", "fl-attach");
    attach.type = "button";
    attach.setAttribute("aria-label", T.attach);
    attach.title = T.attach;
    attach.appendChild(icon("M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z", 20));
    attach.addEventListener("click", function () { picker.click(); });
    picker.addEventListener("change", function () {
      Array.prototype.forEach.call(picker.files || [], upload);
      picker.value = "";
    });
    form.append(attach, picker, input, send);
    panel.append(header, log, typing, replies, status, form);
    root.append(launcher, panel);
    document.body.appendChild(root);

    launcher.addEventListener("click", open);
    close.addEventListener("click", shut);
    panel.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { ev.preventDefault(); shut(); }
    });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var text = input.value.trim();
      if (!text) return;
      if (maxChars && Array.from(text).length > maxChars) { // kept to shorten or send as a file
        setStatus(fill(T.errors.too_long, { limit: maxChars }), true);
        return;
      }
      input.value = "";
      submit(text, "");
    });
    input.addEventListener("input", announceTyping);
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); form.requestSubmit(); }
    });
    return { root: root, launcher: launcher, panel: panel, ticket: ticket, log: log,
             history: history, pending: pending, replies: replies, status: status, input: input,
             typing: typing, picker: picker, title: title, close: close, send: send,
             attach: attach };
  }

  function icon(d, size) {
    // Inline drawings, not emoji: every system draws them the same.
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", String(size));
    svg.setAttribute("height", String(size));
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", d);
    svg.appendChild(path);
    return svg;
  }

  function speak(code) {
    // The conversation's language changed (or is known after a reload): relabel everything.
    if (LANGS.indexOf(code) < 0 || !ALL_TEXTS[code]) return;
    saved.lang = code;
    save();
    if (code === lang) return;
    lang = code;
    T = ALL_TEXTS[code];
    ui.root.setAttribute("lang", code);
    ui.launcher.setAttribute("aria-label", T.open);
    ui.launcher.title = T.open;
    ui.panel.setAttribute("aria-label", T.title);
    ui.title.textContent = T.title;
    ui.close.setAttribute("aria-label", T.close);
    ui.input.placeholder = T.placeholder;
    ui.input.setAttribute("aria-label", T.placeholder);
    ui.send.textContent = T.send;
    ui.attach.setAttribute("aria-label", T.attach);
    ui.attach.title = T.attach;
    ui.root.querySelectorAll(".fl-msg.fl-in > .fl-author").forEach(function (node) {
      node.textContent = T.you;
    });
    if (ticketShown) showTicket(ticketShown);
  }

  function shut() {
    ui.panel.hidden = true;
    ui.launcher.hidden = false;
    ui.launcher.focus();
  }

  function open() {
    ui.panel.hidden = false;
    ui.launcher.hidden = true;
    if (!ws) connect();
    ui.input.focus();
  }

  function setStatus(text, isError) {
    ui.status.textContent = text || "";
    ui.status.classList.toggle("fl-error", !!isError);
  }

  function connect() {
    var url = new URL("/webchat/ws", base);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    ws = new WebSocket(url.href);
    ws.onopen = function () {
      ws.send(JSON.stringify({ type: "hello", token: saved.token, have: nextIndex, lang: lang,
                               name: script.dataset.name || "" }));
    };
    ws.onmessage = function (ev) { receive(JSON.parse(ev.data)); };
    ws.onclose = function (ev) {
      connected = false;
      if (ev.code === TRY_AGAIN_LATER) { // the server could not store it now (a failover):
        unsent(); // not the message's fault, so those sends do not count as tries
      }
      if (ev.code === MESSAGE_TOO_BIG) { // it read every frame up to that one, and acked
        var big = sentHere.filter(isPending)[0]; // those before: the first unacked is it
        if (big) giveUp(big); // the ones sent after it are resent after the reconnect
        refusal = ui.status.textContent || fill(T.errors.too_long, { limit: maxChars });
      }
      sentHere = [];
      setStatus(refusal || T.offline, !!refusal);
      var delay = Math.min(10000, 500 * Math.pow(2, attempt++)) * (0.5 + Math.random() / 2);
      setTimeout(connect, delay);
    };
  }

  function receive(frame) {
    if (frame.type === "welcome") {
      connected = true;
      attempt = 0;
      saved.token = frame.token;
      maxChars = frame.max_chars || 0;
      limits = { bytes: frame.max_file_bytes || 0, types: frame.file_types || [] };
      ui.picker.accept = limits.types.join(",");
      setStatus(refusal, !!refusal);
      refusal = "";
      if (!frame.resumed) { // a new conversation: forget what belonged to an old token
        nextIndex = 0;
        ui.history.replaceChildren();
        ws.send(JSON.stringify({ type: "start" }));
      }
      save();
      saved.pending.slice().forEach(function (m) { // resend what was not acknowledged
        if ((m.tries || 0) >= MAX_TRIES) {
          giveUp(m.id);
          setStatus(T.gave_up, true);
        } else {
          transmit(m);
        }
      });
    } else if (frame.type === "entries") { // every new entry of one update, in order
      frame.entries.forEach(function (item) {
        if (item.index < nextIndex) return; // already shown
        nextIndex = item.index + 1;
        showEntry(item.entry);
      });
    } else if (frame.type === "language") {
      speak(frame.lang);
    } else if (frame.type === "typing") {
      if (frame.stopped) hideTyping(); // the ticket left that operator
      else showTyping(frame.name);
    } else if (frame.type === "ack") {
      forget(frame.id);
    } else if (frame.type === "ticket") {
      showTicket(frame);
    } else if (frame.type === "error") {
      var text = fill((T.errors && T.errors[frame.code]) || T.errors.bad_frame,
                      { limit: frame.limit, seconds: Math.ceil(frame.retry_after || 0) });
      if (frame.id) giveUp(frame.id);
      setStatus(text, true);
    }
  }

  var typingSent = 0;
  var typingTimer = null;

  function announceTyping() {
    var now = Date.now();
    if (!ui.input.value.trim() || now - typingSent < 2000) return;
    typingSent = now;
    if (ws && connected && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: "typing" }));
  }

  function showTyping(name) {
    ui.typing.textContent = fill(T.typing, { name: name || T.operator });
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, 6000); // typing frames come every few seconds
  }

  function hideTyping() {
    clearTimeout(typingTimer);
    ui.typing.textContent = "";
  }

  function upload(file) {
    var id = newId();
    var message = { id: id, text: file.name };
    showPending(message);
    var refuse = function (code, values) {
      giveUp(id);
      setStatus(fill(T.errors[code] || T.errors.upload_failed, values || {}), true);
    };
    if (limits.bytes && file.size > limits.bytes) {
      return refuse("file_too_large", { limit: Math.floor(limits.bytes / 1048576) });
    }
    if (!saved.token) return refuse("upload_failed");
    fetch(new URL("/webchat/files", base).href, {
      method: "POST", body: file, mode: "cors",
      headers: { "X-Chat-Token": saved.token, "X-Client-Id": id,
                 "X-File-Name": encodeURIComponent(file.name) },
    }).then(function (res) {
      if (res.ok) return;
      return res.json().catch(function () { return {}; }).then(function (body) {
        var code = body.error === "too_large" ? "file_too_large" : body.error;
        refuse(code, { limit: Math.floor((body.limit || limits.bytes) / 1048576),
                       seconds: Math.ceil(body.retry_after || 0) });
      });
    }).catch(function () { refuse("upload_failed"); });
  }

  function download(file) {
    // The file is only handed to this visitor's token, so it is fetched, then saved.
    fetch(new URL("/webchat/files/" + encodeURIComponent(file.id), base).href, {
      mode: "cors", headers: { "X-Chat-Token": saved.token || "" },
    }).then(function (res) {
      if (!res.ok) throw new Error(res.statusText);
      return res.blob();
    }).then(function (blob) {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = file.name;
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    }).catch(function () { setStatus(T.errors.upload_failed, true); });
  }

  function size(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + " MB"
      : Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  // The server refused this message (an error frame naming it), or it was sent MAX_TRIES
  // times without an acknowledgement: stop resending it and tell the visitor.
  function giveUp(id) {
    forget(id);
    var node = ui.pending.querySelector('[data-id="' + CSS.escape(id) + '"]');
    if (node) {
      node.classList.remove("fl-unconfirmed");
      node.classList.add("fl-failed");
      node.querySelector(".fl-meta").textContent = T.failed;
    }
  }

  var ticketShown = null;

  function showTicket(frame) {
    ticketShown = frame;
    var status = (T.statuses && T.statuses[frame.status]) || frame.status;
    ui.ticket.textContent = fill(T.ticket, { id: frame.id }) + " · " + status;
    ui.ticket.hidden = false;
  }

  function isPending(id) {
    return saved.pending.some(function (m) { return m.id === id; });
  }

  function forget(id) {
    saved.pending = saved.pending.filter(function (m) { return m.id !== id; });
    save();
  }

  // Sends on a socket the server closed with "try again later" are taken back: the
  // message is resent after the reconnect, however long the store was away.
  function unsent() {
    saved.pending.forEach(function (m) {
      if (sentHere.indexOf(m.id) >= 0) m.tries = Math.max(0, (m.tries || 0) - 1);
    });
    save();
  }

  function newId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function submit(text, payload) {
    var message = { id: newId(), text: text, payload: payload };
    typingSent = 0; // the next keystroke starts a new message: announce it at once
    saved.pending.push(message);
    save();
    showPending(message);
    clearReplies();
    setStatus("", false);
    transmit(message);
  }

  function transmit(message) {
    if (ws && connected && ws.readyState === WebSocket.OPEN) {
      message.tries = (message.tries || 0) + 1;
      sentHere.push(message.id);
      save();
      ws.send(JSON.stringify({ type: "message", id: message.id, text: message.text,
                               payload: message.payload }));
    }
  }

  function bubble(direction, author, text) {
    var node = el("div", "fl-msg fl-" + direction);
    node.appendChild(el("div", "fl-author", author));
    node.appendChild(el("div", "fl-text", text));
    node.appendChild(el("div", "fl-meta", ""));
    return node;
  }

  function showPending(message) {
    if (ui.pending.querySelector('[data-id="' + CSS.escape(message.id) + '"]')) return;
    var node = bubble("in", T.you, message.text);
    node.dataset.id = message.id;
    node.classList.add("fl-unconfirmed");
    node.querySelector(".fl-meta").textContent = T.sending;
    ui.pending.appendChild(node);
    scroll();
  }

  function showEntry(entry) {
    var author = entry.direction === "in" ? T.you
      : entry.author_name || (entry.author === "operator" ? T.operator : T.bot);
    var node = bubble(entry.direction, author, entry.text);
    if (entry.author === "operator") { node.classList.add("fl-by-operator"); hideTyping(); }
    (entry.files || []).forEach(function (file) {
      var link = el("button", "fl-file", file.name + " · " + size(file.size));
      link.type = "button";
      link.setAttribute("aria-label", fill(T.download, { name: file.name }));
      link.prepend(icon("M5 20h14v-2H5v2zM19 9h-4V3H9v6H5l7 7 7-7z", 16));
      link.addEventListener("click", function () { download(file); });
      node.insertBefore(link, node.querySelector(".fl-meta"));
    });
    if (entry.client_id) {
      node.dataset.id = entry.client_id;
      var mine = ui.pending.querySelector('[data-id="' + CSS.escape(entry.client_id) + '"]');
      if (mine) mine.remove();
      // Still resent until its "ack": the entry may be shown before the store has made
      // it durable (a replica's confirmation, in a failover), the ack only after.
    }
    ui.history.appendChild(node);
    clearReplies();
    if (entry.direction === "out" && entry.buttons && entry.buttons.length) {
      showButtons(entry.buttons);
    }
    scroll();
  }

  function clearReplies() {
    ui.replies.replaceChildren();
  }

  function ratingOf(buttons) {
    // Five buttons whose payloads differ only by a trailing 1..5 are a rating scale.
    if (buttons.length !== 5) return null;
    var scores = buttons.map(function (b) {
      var m = /^(.*?)([1-5])$/.exec(b.payload);
      return m ? { prefix: m[1], score: Number(m[2]), button: b } : null;
    });
    if (scores.some(function (s) { return !s || s.prefix !== scores[0].prefix; })) return null;
    scores.sort(function (a, b) { return a.score - b.score; });
    return scores.every(function (s, i) { return s.score === i + 1; }) ? scores : null;
  }

  function showButtons(buttons) {
    var rating = ratingOf(buttons);
    if (rating) {
      var stars = el("div", "fl-stars");
      stars.setAttribute("role", "group");
      rating.forEach(function (s) {
        var star = el("button", "fl-star", "★");
        star.type = "button";
        star.setAttribute("aria-label", fill(T.rate, { n: s.score }));
        star.title = s.button.label;
        star.addEventListener("click", function () { submit(s.button.label, s.button.payload); });
        stars.appendChild(star);
      });
      ui.replies.appendChild(stars);
      return;
    }
    buttons.forEach(function (b) {
      var button = el("button", "fl-reply", b.label);
      button.type = "button";
      button.addEventListener("click", function () { submit(b.label, b.payload); });
      ui.replies.appendChild(button);
    });
  }

  function scroll() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  saved.pending.forEach(showPending);
  if (script.dataset.open === "true" || saved.token) open();
  window.FirstlineChat = { open: open };
})();
