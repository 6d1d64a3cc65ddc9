/* firstline operator console. Every server string is put on the page with textContent. */
(function () {
  "use strict";
  var PRIORITIES = ["P1", "P2", "P3", "P4"];
  var GROUPS = ["accounts", "hardware", "network", "software", "email", "security"];
  var LEVELS = ["L1", "L2", "L3"];
  /* Words for stored values and the desk's messages, kept in one place for translation. */
  var LABELS = {
    status: { new: "New", open: "In progress", waiting_for_user: "Waiting for the user",
      escalated: "Escalated", resolved: "Resolved", closed: "Closed" },
    unreachable: "The user is unreachable on {channel}: they blocked the bot. Replies cannot " +
      "be delivered until they write again.",
    csat: "Rating: {score}/5", takenBy: "Taken by {who}", reopenAndSend: "Reopen and send",
    sendReply: "Send reply", gone: "{id} has left your queue",
  };
  function label(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values && k in values ? values[k] : m; });
  }
  function statusLabel(status) { return LABELS.status[status] || status; }
  var state = {
    csrf: null, me: null, tickets: new Map(), skew: 0, ws: null, attempt: 0,
    open: null, // the ticket page's data
    nextIndex: 0, // first transcript index of the open ticket not shown yet
  };
  var $ = function (sel) { return document.querySelector(sel); };

  function h(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "class") node.className = attrs[k];
      else if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  function api(method, url, body) {
    var init = { method: method, credentials: "same-origin", headers: {} };
    if (method !== "GET") {
      init.headers["X-CSRF-Token"] = state.csrf || "";
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body || {});
    }
    return fetch(url, init).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (res.status === 401 && url !== "/console/api/login") showLogin();
        if (!res.ok) throw new Error(data.error || res.statusText);
        return data;
      });
    });
  }

  function now() { return Date.now() / 1000 + state.skew; }

  function ago(seconds) {
    seconds = Math.max(0, Math.round(seconds));
    if (seconds < 60) return seconds + " s";
    if (seconds < 3600) return Math.floor(seconds / 60) + " min";
    if (seconds < 86400) return Math.floor(seconds / 3600) + " h " + Math.floor(seconds % 3600 / 60) + " min";
    return Math.floor(seconds / 86400) + " d";
  }

  function slaBadge(t) {
    var active = ["resolved", "closed"].indexOf(t.status) < 0;
    if (!active) return null;
    if (t.first_response_at) return h("span", { class: "badge ok", text: "responded" });
    var left = t.first_response_due - now();
    var window_ = t.first_response_due - t.created_at;
    if (left < 0) return h("span", { class: "badge overdue", text: "overdue " + ago(-left) });
    if (left < Math.max(300, window_ / 4)) return h("span", { class: "badge soon", text: "due in " + ago(left) });
    return h("span", { class: "badge ok", text: "due in " + ago(left) });
  }

  function order(a, b) {
    var due = function (t) { return (t.first_response_at ? t.resolution_due : t.first_response_due) || Infinity; };
    return a.priority.localeCompare(b.priority) || due(a) - due(b) || a.created_at - b.created_at;
  }

  function filters() {
    var form = $("#filters");
    return { group: form.group.value, status: form.status.value, mine: form.mine.checked };
  }

  function matches(t) {
    var f = filters();
    var active = ["resolved", "closed"].indexOf(t.status) < 0;
    return (!f.group || t.group === f.group) &&
      (f.status === "all" || (f.status === "active") === active) &&
      (!f.mine || t.assignee === state.me.login);
  }

  /* ---- sign-in ---- */

  function showLogin(csrf) {
    $("#app-view").hidden = true;
    $("#logout").hidden = true;
    $("#login-view").hidden = false;
    if (csrf) { state.csrf = csrf; return; }
    api("GET", "/console/api/session").then(function (s) { state.csrf = s.csrf; });
  }

  $("#login-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var form = ev.target;
    $("#login-error").textContent = "";
    api("POST", "/console/api/login", { login: form.login.value, password: form.password.value })
      .then(function (s) { form.password.value = ""; signedIn(s); })
      .catch(function (err) { $("#login-error").textContent = err.message; });
  });

  $("#logout").addEventListener("click", function () {
    api("POST", "/console/api/logout").then(function () { location.hash = ""; location.reload(); });
  });

  function signedIn(s) {
    state.csrf = s.csrf;
    state.me = s.operator;
    $("#login-view").hidden = true;
    $("#app-view").hidden = false;
    $("#logout").hidden = false;
    $("#me").textContent = (s.operator.name || s.operator.login) + " · " + s.operator.role +
      " " + s.operator.level + (s.operator.groups.length ? " · " + s.operator.groups.join(", ") : "");
    loadQueue();
    connect();
    route();
  }

  /* ---- queue ---- */

  function loadQueue() {
    var f = filters();
    var url = "/console/api/tickets?status=" + encodeURIComponent(f.status) +
      "&group=" + encodeURIComponent(f.group) + (f.mine ? "&mine=1" : "");
    return api("GET", url).then(function (data) {
      state.skew = data.now - Date.now() / 1000;
      state.tickets = new Map(data.tickets.map(function (t) { return [t.id, t]; }));
      renderQueue();
    });
  }

  function renderQueue() {
    var rows = Array.from(state.tickets.values()).filter(matches).sort(order);
    $("#queue tbody").replaceChildren.apply($("#queue tbody"), rows.map(function (t) {
      var row = h("tr", { "data-ticket": t.id },
        h("td", { class: "prio prio-" + t.priority, text: t.priority }),
        h("td", null, h("a", { href: "#ticket/" + t.id, text: t.id })),
        h("td", null, t.subject, t.topic ? h("div", { class: "muted", text: t.topic }) : null),
        h("td", { text: t.channel }),
        h("td", { text: t.group + " · " + t.level }),
        h("td", null, statusLabel(t.status),
          t.csat ? h("span", { class: "badge ok csat-score", text: "★ " + t.csat }) : null),
        h("td", { text: t.assignee ? "taken by " + t.assignee : "—" }),
        h("td", { text: ago(now() - t.created_at) }),
        h("td", null, slaBadge(t)));
      row.addEventListener("click", function () { location.hash = "ticket/" + t.id; });
      return row;
    }));
    $("#queue-empty").hidden = rows.length > 0;
  }

  $("#filters").addEventListener("change", loadQueue);
  var groupFilter = $("#filters").group;
  GROUPS.forEach(function (g) { groupFilter.append(h("option", { value: g, text: g })); });
  setInterval(function () { if (state.me) renderQueue(); }, 30000);

  /* ---- live updates ---- */

  function connect() {
    var url = new URL("/console/ws", location.href);
    url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
    var ws = state.ws = new WebSocket(url.href);
    ws.onopen = function () {
      state.attempt = 0;
      $("#live").hidden = false;
      watch();
      loadQueue(); // catch up on what changed while disconnected
    };
    ws.onmessage = function (ev) { live(JSON.parse(ev.data)); };
    ws.onclose = function () {
      $("#live").hidden = true;
      if (state.ws !== ws || !state.me) return;
      var delay = Math.min(10000, 500 * Math.pow(2, state.attempt++)) * (0.5 + Math.random() / 2);
      setTimeout(connect, delay);
    };
  }

  function watch() {
    if (!state.ws || state.ws.readyState !== WebSocket.OPEN) return;
    var frame = state.open ? { type: "watch", ticket: state.open.ticket.id, have: state.nextIndex }
      : { type: "unwatch" };
    state.ws.send(JSON.stringify(frame));
  }

  function live(frame) {
    if (frame.type === "ticket") {
      var t = frame.ticket;
      if (matches(t)) state.tickets.set(t.id, t); else state.tickets.delete(t.id);
      renderQueue();
      if (state.open && state.open.ticket.id === t.id) refreshTicket();
    } else if (frame.type === "gone") {
      state.tickets.delete(frame.ticket);
      renderQueue();
      if (state.open && state.open.ticket.id === frame.ticket) leaveTicket(label(LABELS.gone, { id: frame.ticket }));
    } else if (frame.type === "entry") {
      if (state.open && frame.conversation === state.open.conversation.key) {
        addEntry(frame.index, frame.entry);
      }
    } else if (frame.type === "sla_alert") {
      slaAlert(frame);
    }
  }

  /* SLA warnings and breaches, newest first; a click opens the ticket. */
  function slaAlert(frame) {
    var box = document.getElementById("sla-alerts");
    if (!box) {
      box = document.createElement("div");
      box.id = "sla-alerts";
      box.setAttribute("role", "status");
      document.body.insertBefore(box, document.body.firstChild);
    }
    var item = document.createElement("a");
    item.className = "sla-alert sla-" + frame.kind;
    item.href = "#ticket/" + encodeURIComponent(frame.ticket);
    var what = { warning: "SLA warning", breach: "SLA breached", reminder: "Reminder" }[frame.kind];
    var clock = frame.clock === "first_response" ? "first response" : "resolution";
    item.textContent = (what || frame.kind) + ": " + frame.ticket + " (" + frame.priority + ", " +
      frame.group + ") " + clock + " due " + new Date(frame.due * 1000).toLocaleString() +
      (frame.lead ? " (you lead this group)" : "");
    box.insertBefore(item, box.firstChild);
    while (box.children.length > 5) box.removeChild(box.lastChild);
  }

  /* ---- ticket page ---- */

  function route() {
    var m = /^#ticket\/(.+)$/.exec(location.hash);
    if (m) return openTicket(decodeURIComponent(m[1]));
    state.open = null;
    watch();
    $("#ticket-view").hidden = true;
    $("#queue-view").hidden = false;
  }
  window.addEventListener("hashchange", function () { if (state.me) route(); });
  $("#back").addEventListener("click", function (ev) { ev.preventDefault(); location.hash = ""; });

  function showNotice(text) {
    $("#notice").textContent = text || "";
    $("#notice").hidden = !text;
  }

  function leaveTicket(notice) {
    showNotice(notice);
    state.open = null;
    location.hash = "";
    route();
  }

  function loadColleagues(ticketId) {
    var select = $("#assign-form").to;
    api("GET", "/console/api/operators?ticket=" + encodeURIComponent(ticketId)).then(function (data) {
      select.replaceChildren.apply(select, data.operators.filter(function (o) {
        return o.login !== state.me.login;
      }).map(function (o) {
        return h("option", { value: o.login, text: o.name + " (" + o.level + ")" });
      }));
    }).catch(function () { select.replaceChildren(); });
  }

  function openTicket(id) {
    if (!state.open || state.open.ticket.id !== id) showNotice("");
    $("#queue-view").hidden = true;
    $("#ticket-view").hidden = false;
    $("#t-alert").textContent = "";
    // Nothing to act on until this ticket's page has loaded.
    $("#ticket-view").querySelectorAll(".actions button").forEach(function (b) { b.disabled = true; });
    return api("GET", "/console/api/tickets/" + encodeURIComponent(id)).then(function (data) {
      state.open = data;
      state.nextIndex = 0;
      $("#t-transcript").replaceChildren();
      data.transcript.forEach(function (entry, i) { addEntry(i, entry); });
      renderTicket(data);
      fillCanned(data.canned);
      loadColleagues(id);
      $("#resolve-form").hidden = true;
      watch();
    }).catch(alertError);
  }

  function refreshTicket() {
    var id = state.open.ticket.id;
    api("GET", "/console/api/tickets/" + encodeURIComponent(id)).then(function (data) {
      if (!state.open || state.open.ticket.id !== id) return;
      data.transcript.forEach(function (entry, i) { addEntry(i, entry); });
      state.open = data;
      renderTicket(data);
    }).catch(alertError);
  }

  function renderTicket(data) {
    var t = data.ticket, conv = data.conversation;
    $("#t-title").textContent = t.id + " — " + t.subject;
    $("#t-meta").textContent = [t.priority, statusLabel(t.status), t.group, t.level, "via " + conv.channel,
      conv.user_name ? "user: " + conv.user_name : "", "language: " + conv.language]
      .filter(Boolean).join(" · ");
    var owner = conv.owner.indexOf("operator:") === 0 ? conv.owner.slice(9) : "";
    $("#t-owner").textContent = owner === state.me.login ? "You are handling this conversation"
      : owner ? label(LABELS.takenBy, { who: owner }) : t.assignee ? "Assigned to " + t.assignee : "The bot is handling this conversation";
    var windowNote = conv.reply_window && conv.reply_window.mode !== "free" ? conv.reply_window.note : "";
    $("#reply-window").textContent = windowNote; // e.g. "will go out as a WhatsApp template"
    $("#reply-window").hidden = !windowNote;
    var active = ["resolved", "closed"].indexOf(t.status) < 0;
    var holder = owner || (active ? t.assignee : "");
    var heldByOther = !!holder && holder !== state.me.login;
    var me = state.me;
    var supervisor = me.role === "admin" ||
      (me.role === "lead" && (!me.groups.length || me.groups.indexOf(t.group) >= 0));
    $("#take").disabled = !active || !!holder;
    $("#take").title = heldByOther ? label(LABELS.takenBy, { who: holder }) : "";
    $("#force-take").hidden = !(active && heldByOther && supervisor);
    $("#hand-back").disabled = !active || !owner;
    $("#resolve").disabled = !active;
    $("#assign-form").hidden = !active;
    $("#t-reach").hidden = !conv.blocked;
    $("#t-reach").textContent = conv.blocked ? label(LABELS.unreachable, { channel: conv.channel }) : "";
    var send = $("#reply-form").querySelector("button[type=submit]");
    send.disabled = !!conv.blocked;
    send.textContent = active ? LABELS.sendReply : LABELS.reopenAndSend;
    // A resolved ticket: its first message may become a sample question (after a review).
    var sample = $("#sample-form");
    sample.hidden = active || !data.first_message;
    $("#sample-question").textContent = data.first_message || "";
    if (sample.dataset.ticket !== t.id) {
      sample.dataset.ticket = t.id;
      sample.article.value = t.topic || "";
      $("#sample-result").textContent = "";
    }
    $("#t-csat").hidden = !t.csat;
    $("#t-csat").textContent = t.csat ? label(LABELS.csat, { score: t.csat }) +
      (t.csat_comment ? " — “" + t.csat_comment + "”" : "") : "";
    var form = $("#update-form");
    fillSelect(form.priority, PRIORITIES, t.priority);
    fillSelect(form.group, GROUPS, t.group);
    fillSelect(form.level, LEVELS, t.level);
    $("#t-fields").replaceChildren.apply($("#t-fields"), Object.keys(t.fields).reduce(function (acc, k) {
      // Where the value came from (first message, answer to X, correction…), beside it.
      var source = (t.sources || {})[k];
      return acc.concat([h("dt", { text: k }), h("dd", null, h("span", { text: t.fields[k] }),
        source ? h("span", { class: "source", text: " · " + source }) : null)]);
    }, []));
    $("#t-notes").replaceChildren.apply($("#t-notes"), data.notes.map(function (n) {
      return h("li", null, h("div", { class: "who", text: (n.author_name || n.author) + " · " + time(n.at) }),
        h("div", { class: "text", text: n.text }));
    }));
    $("#t-events").replaceChildren.apply($("#t-events"), data.events.map(function (e) {
      return h("li", { text: time(e.at) + " " + e.actor + ": " + e.action + (e.detail ? " — " + e.detail : "") });
    }));
  }

  function fillSelect(select, values, current) {
    select.replaceChildren.apply(select, values.map(function (v) { return h("option", { value: v, text: v }); }));
    select.value = current;
  }

  function fillCanned(replies) {
    var select = $("#reply-form").canned;
    select.replaceChildren(h("option", { value: "", text: "—" }));
    (replies || []).forEach(function (r, i) { select.append(h("option", { value: String(i), text: r.title })); });
  }

  $("#reply-form").canned.addEventListener("change", function (ev) {
    var reply = state.open && state.open.canned[ev.target.value];
    if (reply) $("#reply-form").text.value = reply.text;
  });

  function time(at) { return new Date(at * 1000).toLocaleString(); }

  function addEntry(index, entry) {
    if (index < state.nextIndex) return; // already shown
    state.nextIndex = index + 1;
    var author = String(entry.author || "");
    var who = entry.direction === "in" ? "User" + (entry.author_name ? " " + entry.author_name : "")
      : author.indexOf("operator:") === 0 ? (entry.author_name || author.slice(9)) + " (operator)"
      : entry.direction === "system" ? "system" : "Bot";
    var cls = entry.direction === "in" ? "in" : author.indexOf("operator:") === 0 ? "operator" : entry.direction;
    var item = h("li", { class: cls, "data-index": String(index) },
      h("div", { class: "who", text: who + " · " + time(entry.at) }),
      h("div", { class: "text", text: entry.text || entry.payload || "" }));
    (entry.buttons || []).forEach(function (b) { item.append(h("span", { class: "chip", text: b.label })); });
    (entry.attachments || []).forEach(function (a) {
      if (!a.file_id || !state.open) return; // fetched through the channel, on request
      var href = "/console/files/" + encodeURIComponent(state.open.conversation.channel) + "/" +
        encodeURIComponent(a.file_id);
      item.append(h("a", { class: "chip file", href: href, download: "", text: "📎 " + (a.name || a.kind) }));
    });
    var list = $("#t-transcript");
    list.append(item);
    list.scrollTop = list.scrollHeight;
  }

  function alertError(err) { $("#t-alert").textContent = err.message; }

  function act(action, body) {
    $("#t-alert").textContent = "";
    showNotice("");
    return api("POST", "/console/api/tickets/" + encodeURIComponent(state.open.ticket.id) + "/" + action, body)
      .then(function (data) {
        if (data.visible === false) return leaveTicket(data.notice);
        showNotice(data.notice);
        refreshTicket();
      }).catch(function (err) { alertError(err); refreshTicket(); throw err; });
  }

  $("#sample-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var form = ev.target, out = $("#sample-result");
    form.querySelector("button").disabled = true;
    out.textContent = "Reviewing: running the evaluation with and without it…";
    api("POST", "/console/api/tickets/" + encodeURIComponent(state.open.ticket.id) + "/sample",
      { article: form.article.value.trim(), lang: state.open.conversation.language })
      .then(function (r) {
        var figures = r.before && r.after ? " (dev " + pct(r.before.dev_top1) + " → " + pct(r.after.dev_top1) +
          ", tuning CV " + pct(r.before.tune_top1) + " → " + pct(r.after.tune_top1) +
          ", off-topic answered " + pct(r.before.off_topic_answered) + " → " + pct(r.after.off_topic_answered) + ")" : "";
        out.textContent = (r.added ? "Added to " + form.article.value.trim() : "Not added: " + r.reason) + figures;
      })
      .catch(function (err) { out.textContent = "Not added: " + err.message; })
      .then(function () { form.querySelector("button").disabled = false; });
  });
  function pct(x) { return (100 * x).toFixed(1) + "%"; }

  $("#take").addEventListener("click", function () { act("take").catch(function () {}); });
  $("#force-take").addEventListener("click", function () { act("take", { force: true }).catch(function () {}); });
  $("#hand-back").addEventListener("click", function () { act("hand_back").catch(function () {}); });
  $("#resolve").addEventListener("click", function () {
    $("#resolve-form").hidden = false;
    $("#resolve-form").comment.focus();
  });
  $("#resolve-cancel").addEventListener("click", function () { $("#resolve-form").hidden = true; });
  $("#resolve-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var input = ev.target.comment;
    act("resolve", { comment: input.value }).then(function () {
      input.value = "";
      $("#resolve-form").hidden = true;
    }).catch(function () {});
  });
  $("#assign-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (ev.target.to.value) act("assign", { to: ev.target.to.value }).catch(function () {});
  });
  $("#update-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var f = ev.target, t = state.open.ticket, body = {};
    if (f.priority.value !== t.priority) body.priority = f.priority.value;
    if (f.group.value !== t.group) body.group = f.group.value;
    if (f.level.value !== t.level) body.level = f.level.value;
    act("update", body).catch(function () {});
  });
  [["#reply-form", "reply"], ["#note-form", "note"]].forEach(function (pair) {
    $(pair[0]).addEventListener("submit", function (ev) {
      ev.preventDefault();
      var area = ev.target.text, body = { text: area.value };
      // A resolved ticket is reopened explicitly: the button says so.
      if (pair[1] === "reply" && ["resolved", "closed"].indexOf(state.open.ticket.status) >= 0) body.reopen = true;
      act(pair[1], body).then(function () { area.value = ""; }).catch(function () {});
    });
  });

  api("GET", "/console/api/session").then(function (s) {
    if (s.signed_in) signedIn(s); else showLogin(s.csrf);
  });
})();
