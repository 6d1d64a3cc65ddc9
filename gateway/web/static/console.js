/* firstline operator console. Every server string is put on the page with textContent. */
(function () {
  "use strict";
  var PRIORITIES = ["P1", "P2", "P3", "P4"];
  var GROUPS = ["accounts", "hardware", "network", "software", "email", "security"];
  var LEVELS = ["L1", "L2", "L3"];
  var state = {
    csrf: null, me: null, tickets: new Map(), skew: 0, ws: null, attempt: 0,
    open: null, // the ticket page's data
    nextIndex: 0, // first transcript index of the open ticket not shown yet
    queueChanges: 0, // live ticket changes received: a queue read older than one is read again
  };
  var $ = function (sel) { return document.querySelector(sel); };
  var T = {}; // the console's texts in the operator's language (gateway/texts/<lang>.yaml)

  /* ---- texts: every label comes from the server's catalog for the chosen language ---- */

  function tr(key, values) {
    var text = T[key] === undefined ? key : String(T[key]);
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values && k in values ? values[k] : m; });
  }

  function label(prefix, value) {
    return T[prefix + value] === undefined ? value : T[prefix + value];
  }

  // A server's message (a refusal, what an action did) by its key, in the operator's language;
  // the server's English text when the catalog has no such key.
  function serverText(prefix, key, params, english) {
    if (!key || T[prefix + key] === undefined) return english;
    var values = {};
    Object.keys(params || {}).forEach(function (k) {
      var prefixes = { status: "status_", channel: "channel_", group: "group_" };
      values[k] = prefixes[k] ? label(prefixes[k], params[k]) : params[k];
    });
    return tr(prefix + key, values);
  }

  // How a reply outside the channel's 24-hour window goes out (the server's `mode`).
  function replyWindowNote(conv, at) {
    var ago = conv.last_user_at > 0
      ? tr("window_last_wrote", { h: Math.floor((at - conv.last_user_at) / 3600) }) : tr("window_never_wrote");
    var key = "window_" + conv.reply_window.mode;
    if (T[key] === undefined) return conv.reply_window.note;
    return tr(key, { ago: ago, channel: label("channel_", conv.channel) });
  }

  // Where a checklist value came from, as the dialog records it ("answer to tried (correction)").
  function sourceText(source) {
    var m = /^(.*?)( \(correction\))?$/.exec(source);
    var answer = /^answer to (\w+)$/.exec(m[1]);
    var key = "source_" + m[1].replace(/[^a-z]+/g, "_");
    var text = answer ? tr("source_answer_to", { field: label("field_", answer[1]) })
      : T[key] === undefined ? m[1] : T[key];
    return m[2] ? text + tr("source_correction") : text;
  }

  function noticeOf(data) {
    var text = serverText("notice_", data.notice_key, data.notice_params, data.notice);
    return text && data.notice_left_queue && data.notice_key ? text + tr("notice_left_queue") : text;
  }

  function useTexts(data) {
    T = data.texts || {};
    document.documentElement.lang = data.language;
    document.title = tr("page_title");
    $("#lang").value = data.language;
    document.querySelectorAll("[data-t]").forEach(function (node) { node.textContent = tr(node.dataset.t); });
    document.querySelectorAll("[data-t-label]").forEach(function (node) {
      node.setAttribute("aria-label", tr(node.dataset.tLabel));
    });
    document.querySelectorAll("[data-t-placeholder]").forEach(function (node) {
      node.placeholder = tr(node.dataset.tPlaceholder);
    });
    fillGroupFilter();
    if (state.me) { showMe(); renderQueue(); if (state.open) renderTicket(state.open); }
  }

  function loadTexts() {
    return api("GET", "/console/api/texts").then(useTexts);
  }

  $("#lang").addEventListener("change", function (ev) {
    var chosen = ev.target.value;
    if (!state.me) return api("GET", "/console/api/texts?lang=" + encodeURIComponent(chosen)).then(useTexts);
    api("POST", "/console/api/preferences", { language: chosen }).then(useTexts);
  });

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
        if (!res.ok) {
          var refused = new Error(serverText("refused_", data.key, data.params, data.error || res.statusText));
          refused.status = res.status;
          throw refused;
        }
        return data;
      });
    });
  }

  // Each operator action carries an id, its idempotency key: the server applies an id
  // once. A click repeating an action whose answer never came (the network failed, the
  // server was unavailable, a double click) sends the same id, so it is not done twice.
  var unanswered = {};

  function randomId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return (b + 256).toString(16).slice(1);
    }).join("");
  }

  function operatorAction(url, body) {
    var what = url + " " + JSON.stringify(body || {});
    if (!unanswered[what]) unanswered[what] = randomId();
    return api("POST", url, Object.assign({}, body || {}, { action_id: unanswered[what] }))
      .then(function (data) { delete unanswered[what]; return data; }, function (err) {
        if (err.status && err.status < 500) delete unanswered[what];  // answered, not done
        throw err;
      });
  }

  function now() { return Date.now() / 1000 + state.skew; }

  function ago(seconds) {
    seconds = Math.max(0, Math.round(seconds));
    if (seconds < 60) return tr("seconds", { n: seconds });
    if (seconds < 3600) return tr("minutes", { n: Math.floor(seconds / 60) });
    if (seconds < 86400) return tr("hours", { h: Math.floor(seconds / 3600), m: Math.floor(seconds % 3600 / 60) });
    return tr("days", { n: Math.floor(seconds / 86400) });
  }

  function slaBadge(t) {
    var active = ["resolved", "closed"].indexOf(t.status) < 0;
    if (!active) return null;
    if (t.first_response_at) return h("span", { class: "badge ok", text: tr("responded") });
    var left = t.first_response_due - now();
    var window_ = t.first_response_due - t.created_at;
    if (left < 0) return h("span", { class: "badge overdue", text: tr("overdue", { time: ago(-left) }) });
    if (left < Math.max(300, window_ / 4)) return h("span", { class: "badge soon", text: tr("due_in", { time: ago(left) }) });
    return h("span", { class: "badge ok", text: tr("due_in", { time: ago(left) }) });
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
    showMe();
    loadTexts();
    loadQueue();
    loadChannels();
    connect();
    route();
  }

  // A channel that refuses the bot itself (a revoked token): said to everyone at the desk,
  // since its users' replies wait until an admin mends it.
  function loadChannels() {
    return api("GET", "/console/api/channels").then(function (data) {
      var down = (data.channels || []).filter(function (c) { return c.status === "down"; });
      $("#channels-down").replaceChildren.apply($("#channels-down"), down.map(function (c) {
        // Another host refused with other credentials than this host's (which work).
        return h("p", { class: "channel-down", text: tr(
          c.other_credentials ? "channel_down_other_credentials" : "channel_down", {
            channel: label("channel_", c.channel), since: new Date(c.since * 1000).toLocaleString(),
            reason: c.reason, host: c.host }) });
      }));
      $("#channels-down").hidden = down.length === 0;
    }).catch(function () {});
  }
  setInterval(function () { if (state.me) loadChannels(); }, 30000);

  function showMe() {
    var me = state.me;
    $("#me").textContent = (me.name || me.login) + " · " + label("role_", me.role) + " " + me.level +
      (me.groups.length ? " · " + me.groups.map(function (g) { return label("group_", g); }).join(", ") : "");
    // The admins' pages are linked for admins only: they refuse everyone else.
    $("#dead-letters-link").hidden = $("#linked-accounts-link").hidden = me.role !== "admin";
  }

  /* ---- queue ---- */

  /* ---- mass incidents (at the top of the queue) ---- */

  var incidentsTimer = null;
  function loadIncidentsSoon() {
    clearTimeout(incidentsTimer); // a burst of changes is one reload
    incidentsTimer = setTimeout(loadIncidents, 300);
  }

  function typingAnUpdate() {
    return Array.from(document.querySelectorAll("#incident-list textarea")).some(function (t) {
      return t.value.trim() !== "" || t === document.activeElement;
    });
  }

  function loadIncidents() {
    return api("GET", "/console/api/incidents").then(function (data) {
      // An update being written is never wiped: the list is redrawn once it is sent.
      if (!typingAnUpdate()) renderIncidents(data.incidents);
      renderProposals(data.proposals || []);
    }).catch(function (err) { $("#incident-error").textContent = err.message; });
  }

  function incidentMessages(form) {
    return { ru: form.ru.value, uk: form.uk.value, en: form.en.value };
  }

  function messageFields() {
    return ["ru", "uk", "en"].map(function (lang) {
      return h("label", null, h("span", { text: tr("incident_message_" + lang) }),
        " ", h("textarea", { name: lang, rows: "2", "aria-label": tr("incident_message_" + lang) }));
    });
  }

  function incidentAction(id, action, form) {
    $("#incident-error").textContent = "";
    return operatorAction("/console/api/incidents/" + encodeURIComponent(id) + "/" + action,
      { messages: incidentMessages(form) }).then(function (data) {
      showNotice(tr("incident_told", { n: data.told }));
      form.reset();
      if (document.activeElement) document.activeElement.blur();
      loadIncidents();
    }).catch(function (err) { $("#incident-error").textContent = err.message; });
  }

  function renderIncidents(incidents) {
    $("#incident-list").replaceChildren.apply($("#incident-list"), incidents.map(function (i) {
      var open = i.status === "open";
      var timeline = h("ol", { class: "timeline" });
      i.timeline.forEach(function (e) {
        var said = e.messages ? Object.keys(e.messages).map(function (l) { return l + ": " + e.messages[l]; }).join(" / ") : "";
        timeline.append(h("li", null, time(e.at) + " · " + label("incident_kind_", e.kind) + " · " + (e.by_name || e.by) +
          (e.detail ? " · " + e.detail : "") + (said ? " — " + said : "")));
      });
      var form = h("form", { class: "incident-form" });
      messageFields().forEach(function (field) { form.append(field); });
      form.append(h("button", { type: "submit", class: "update", text: tr("incident_send_update") }),
        h("button", { type: "button", class: "resolve", text: tr("incident_resolve") }));
      form.addEventListener("submit", function (ev) { ev.preventDefault(); incidentAction(i.id, "update", form); });
      form.querySelector(".resolve").addEventListener("click", function () { incidentAction(i.id, "resolve", form); });
      return h("li", { class: "incident " + i.status, "data-incident": i.id },
        h("strong", { class: "prio prio-P1", text: i.id }), " ", h("span", { class: "title", text: i.title }),
        " ", h("span", { class: "badge incident-status", text: label("incident_status_", i.status) }),
        " ", h("span", { class: "affected", text: tr("incident_affected", { n: i.affected }) }),
        " · ", h("span", { class: "children", text: tr("incident_children", { n: i.children.length }) }),
        i.services.length ? h("span", { class: "muted", text: " · " + i.services.join(", ") }) : null,
        h("details", { class: "incident-timeline" }, h("summary", { text: tr("incident_timeline") }), timeline),
        open ? form : null);
    }));
  }

  // Proposed by detection (auto_declare off): one click declares it as detection would.
  function renderProposals(proposals) {
    $("#proposal-list").replaceChildren.apply($("#proposal-list"), proposals.map(function (p) {
      var button = h("button", { type: "button", class: "declare-proposed", text: tr("incident_declare_proposed") });
      button.addEventListener("click", function () {
        button.disabled = true;
        $("#incident-error").textContent = "";
        operatorAction("/console/api/incidents", { proposal: p.signature }).then(function () {
          loadIncidents();
        }).catch(function (err) { button.disabled = false; $("#incident-error").textContent = err.message; loadIncidents(); });
      });
      return h("li", { class: "proposal", "data-proposal": p.signature },
        h("span", { class: "badge", text: tr("incident_proposal") }), " ",
        h("strong", { class: "title", text: p.title }), " ",
        h("span", { class: "reports", text: tr("incident_proposed", { n: p.reports }) }),
        p.samples.length ? h("span", { class: "muted", text: " — " + p.samples.slice(0, 3).join(" / ") }) : null,
        " ", button);
    }));
  }

  $("#declare-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var form = ev.target;
    $("#incident-error").textContent = "";
    operatorAction("/console/api/incidents", { title: form.incident_title.value, services: form.services.value,
      messages: incidentMessages(form) }).then(function () {
      form.reset();
      $("#declare").open = false;
      loadIncidents();
    }).catch(function (err) { $("#incident-error").textContent = err.message; });
  });

  // A live change that arrives while the queue is being read may be newer than that answer
  // (the answer left the server first): such an answer is read again, not shown.
  function loadQueue() {
    loadIncidents();
    var f = filters();
    var url = "/console/api/tickets?status=" + encodeURIComponent(f.status) +
      "&group=" + encodeURIComponent(f.group) + (f.mine ? "&mine=1" : "");
    var changes = state.queueChanges;
    return api("GET", url).then(function (data) {
      if (state.queueChanges !== changes) return refreshQueueSoon(); // at most ~2 reads a second
      state.skew = data.now - Date.now() / 1000;
      var before = state.tickets;
      state.tickets = new Map(data.tickets.map(function (t) { return [t.id, t]; }));
      if (state.loaded) {
        data.tickets.forEach(function (t) {
          var old = before.get(t.id);
          if (!old) announce(tr("new_ticket", { id: t.id }), t.subject);
          else if ((t.unread || 0) > (old.unread || 0)) announce(tr("new_message", { id: t.id }), t.subject);
        });
      }
      state.loaded = true;
      state.more = data.more || 0;
      renderQueue();
    });
  }

  function renderQueue() {
    var rows = Array.from(state.tickets.values()).filter(matches).sort(order);
    $("#queue tbody").replaceChildren.apply($("#queue tbody"), rows.map(function (t) {
      var row = h("tr", { "data-ticket": t.id },
        h("td", { class: "prio prio-" + t.priority, text: t.priority }),
        h("td", null, h("a", { href: "#ticket/" + t.id, text: t.id })),
        h("td", { class: "subject" },
          t.channel === "alerts" ? h("span", { class: "badge alert-badge", text: tr("alert_badge") }) : null,
          t.channel === "alerts" ? " " : null, t.subject,
          t.topic ? h("div", { class: "muted", text: t.topic }) : null),
        h("td", { text: label("channel_", t.channel) }),
        h("td", { text: label("group_", t.group) + " · " + t.level }),
        h("td", null, label("status_", t.shown_status || t.status),
          t.csat ? h("span", { class: "badge ok csat-score", text: "★ " + t.csat }) : null),
        h("td", { text: t.assignee ? tr("taken_by", { name: t.assignee }) : "—" }),
        h("td", { text: ago(now() - t.created_at) }),
        h("td", null, slaBadge(t)));
      var unread = t.unread && !(state.open && state.open.ticket.id === t.id) ? t.unread : 0;
      if (unread) {
        row.classList.add("unread");
        row.children[1].append(" ", h("span", { class: "badge unread-count", title: tr("unread", { n: unread }),
          "aria-label": tr("unread", { n: unread }) }, String(unread)));
      }
      row.addEventListener("click", function () { location.hash = "ticket/" + t.id; });
      return row;
    }));
    $("#queue-empty").hidden = rows.length > 0;
    $("#queue-more").hidden = !state.more;
    $("#queue-more").textContent = state.more ? tr("queue_more", { n: state.more }) : "";
    var total = rows.reduce(function (n, t) {
      return n + (t.unread && !(state.open && state.open.ticket.id === t.id) ? t.unread : 0);
    }, 0);
    document.title = (total ? "(" + total + ") " : "") + tr("page_title");
  }

  $("#filters").addEventListener("change", loadQueue);
  function fillGroupFilter() {
    var select = $("#filters").group, chosen = select.value;
    select.replaceChildren(h("option", { value: "", text: tr("all") }));
    GROUPS.forEach(function (g) { select.append(h("option", { value: g, text: label("group_", g) })); });
    select.value = chosen;
  }
  fillGroupFilter();
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
    if (frame.type === "ticket" || frame.type === "gone") state.queueChanges++;
    if (frame.type === "ticket") {
      var t = frame.ticket, known = state.tickets.get(t.id);
      if (t.channel === "incidents") loadIncidents();
      t.unread = known ? known.unread : 1; // a new ticket: its first message is unread
      if (!known && matches(t)) announce(tr("new_ticket", { id: t.id }), t.subject);
      if (matches(t)) state.tickets.set(t.id, t); else state.tickets.delete(t.id);
      renderQueue();
      if (state.open && state.open.ticket.id === t.id) refreshTicket();
    } else if (frame.type === "gone") {
      state.tickets.delete(frame.ticket);
      renderQueue();
      if (state.open && state.open.ticket.id === frame.ticket) leaveTicket(tr("gone", { id: frame.ticket }));
    } else if (frame.type === "entries") {
      if (state.open && frame.conversation === state.open.conversation.key) {
        frame.entries.forEach(function (item) {
          if (item.entry.direction === "in") hideTyping();
          addEntry(item.index, item.entry);
        });
      }
    } else if (frame.type === "typing") {
      if (state.open && frame.conversation === state.open.conversation.key) showTyping(frame.name);
    } else if (frame.type === "activity") {
      var open = state.open && state.open.conversation.key === frame.conversation;
      var queued = Array.from(state.tickets.values()).some(function (q) {
        return q.conversation_key === frame.conversation;
      });
      if (queued && !open) refreshQueueSoon();
    } else if (frame.type === "sla_alert") {
      slaAlert(frame);
    } else if (frame.type === "incidents") {
      loadIncidentsSoon();
    }
  }

  /* ---- search ---- */

  $("#search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var form = ev.target, q = form.q.value.trim(), channel = form.channel.value;
    if (!q && !channel) return clearSearch();
    searched = { q: q, channel: channel, rows: [], count: 0 };
    searchFrom("");
  });
  $("#search-clear").addEventListener("click", clearSearch);
  // A search reads the newest tickets first and says where it stopped: older ones on request.
  $("#search-older").addEventListener("click", function () { searchFrom(searched.more); });

  var searched = { q: "", channel: "", rows: [], count: 0, more: null };

  function searchFrom(before) {
    var query = "/console/api/search?q=" + encodeURIComponent(searched.q) + "&channel=" + encodeURIComponent(searched.channel);
    api("GET", query + (before ? "&before=" + encodeURIComponent(before) : ""))
      .then(function (data) {
        searched.rows = searched.rows.concat(data.tickets);
        searched.count += data.searched;
        searched.more = data.more;
        showResults();
      }).catch(function (err) { $("#results-count").textContent = err.message; });
  }

  function clearSearch() {
    $("#search").q.value = "";
    $("#search").channel.value = "";
    $("#results").hidden = true;
    $("#search-clear").hidden = true;
  }

  function showResults() {
    var n = searched.rows.length;
    $("#results").hidden = false;
    $("#search-clear").hidden = false;
    $("#search-older").hidden = !searched.more;
    $("#results-count").textContent = searched.more ? tr("results_more", { n: n, searched: searched.count })
      : n ? tr("results", { n: n }) : tr("no_results");
    $("#results-list").replaceChildren.apply($("#results-list"), searched.rows.map(function (r) {
      return h("li", { "data-ticket": r.id },
        h("a", { href: "#ticket/" + r.id, text: r.id }), " ",
        h("span", { text: r.subject }), " · ",
        h("span", { class: "muted", text: [label("channel_", r.channel), r.user_name, label("status_", r.shown_status || r.status)]
          .filter(Boolean).join(" · ") }),
        h("div", { class: "snippet" }, h("span", { class: "chip", text: label("matched_", r.matched) }), " ", r.snippet));
    }));
  }

  /* ---- unread messages and alerts ---- */

  var queueTimer = null;

  function refreshQueueSoon() {
    clearTimeout(queueTimer); // a burst of messages is one reload
    queueTimer = setTimeout(loadQueue, 400);
  }

  var notify = $("#notify");
  try { notify.checked = localStorage.getItem("firstline.console.notify") === "1"; } catch (e) { /* private */ }
  notify.addEventListener("change", function () {
    try { localStorage.setItem("firstline.console.notify", notify.checked ? "1" : "0"); } catch (e) { /* private */ }
    if (notify.checked && window.Notification && Notification.permission === "default") {
      Notification.requestPermission();
    }
  });

  function announce(title, body) {
    if (!notify.checked) return;
    beep();
    if (document.hidden && window.Notification && Notification.permission === "granted") {
      new Notification(title, { body: body || "" });
    }
  }

  function beep() {
    try {
      var audio = new (window.AudioContext || window.webkitAudioContext)();
      var tone = audio.createOscillator(), gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.08;
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.15);
      tone.onended = function () { audio.close(); };
    } catch (e) { /* no audio: the title still says it */ }
  }

  /* ---- typing, both ways ---- */

  var typingTimer = null, typingSent = 0;

  function showTyping(name) {
    $("#t-typing").textContent = tr("typing", { name: name || tr("who_user") });
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, 6000); // the widget repeats it every few seconds
  }

  function hideTyping() {
    clearTimeout(typingTimer);
    $("#t-typing").textContent = "";
  }

  function announceTyping() {
    var now = Date.now();
    if (!state.open || !$("#reply-form").text.value.trim() || now - typingSent < 2500) return;
    if (!state.ws || state.ws.readyState !== WebSocket.OPEN) return;
    typingSent = now;
    state.ws.send(JSON.stringify({ type: "typing" }));
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
    item.textContent = tr("sla_alert", { what: label("sla_", frame.kind), ticket: frame.ticket,
      priority: frame.priority, group: label("group_", frame.group), clock: label("clock_", frame.clock),
      due: new Date(frame.due * 1000).toLocaleString() }) + (frame.lead ? " " + tr("you_lead") : "");
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
    renderQueue(); // what was read meanwhile is no longer unread
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
      hideTyping();
      var row = state.tickets.get(data.ticket.id);
      if (row) row.unread = 0; // read now
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

  // An alert ticket: what the monitoring system said, its labels and a link back to it.
  function renderAlert(alert) {
    $("#t-alert-info").hidden = !alert;
    if (!alert) return;
    $("#t-alert-summary").textContent = tr("alert_info", { source: alert.source, fires: alert.fires,
      state: label("alert_state_", alert.state) }) + (alert.flapping ? " · " + tr("alert_flapping") : "");
    $("#t-alert-labels").replaceChildren.apply($("#t-alert-labels"), Object.keys(alert.labels).sort().map(function (k) {
      return h("li", { class: "label", text: k + "=" + alert.labels[k] });
    }));
    var link = $("#t-alert-link");
    link.hidden = !/^https?:\/\//.test(alert.link || "");
    link.href = link.hidden ? "#" : alert.link;
    link.textContent = tr("alert_source_link", { source: alert.source });
  }

  function renderTicket(data) {
    var t = data.ticket, conv = data.conversation;
    $("#t-title").textContent = t.id + " — " + t.subject;
    $("#t-meta").textContent = [t.priority, label("status_", t.shown_status || t.status), label("group_", t.group), t.level,
      tr("via", { channel: label("channel_", conv.channel) }),
      conv.user_name ? tr("meta_user", { name: conv.user_name }) : "", tr("meta_language", { lang: conv.language })]
      .filter(Boolean).join(" · ");
    var owner = conv.owner.indexOf("operator:") === 0 ? conv.owner.slice(9) : "";
    $("#t-owner").textContent = owner === state.me.login ? tr("you_handle")
      : owner ? tr("taken_by_owner", { name: owner }) : t.assignee ? tr("assigned_to", { name: t.assignee })
      : tr("bot_handles");
    var windowNote = conv.reply_window && conv.reply_window.mode !== "free" ? replyWindowNote(conv, data.now) : "";
    $("#reply-window").textContent = windowNote; // e.g. "will go out as a WhatsApp template"
    $("#reply-window").hidden = !windowNote;
    var active = ["resolved", "closed"].indexOf(t.status) < 0;
    var holder = owner || (active ? t.assignee : "");
    var heldByOther = !!holder && holder !== state.me.login;
    var me = state.me;
    var supervisor = me.role === "admin" ||
      (me.role === "lead" && (!me.groups.length || me.groups.indexOf(t.group) >= 0));
    $("#take").disabled = !active || !!holder;
    $("#take").title = heldByOther ? tr("taken_by_owner", { name: holder }) : "";
    $("#force-take").hidden = !(active && heldByOther && supervisor);
    $("#hand-back").disabled = !active || !owner;
    $("#resolve").disabled = !active;
    $("#assign-form").hidden = !active;
    $("#t-reach").hidden = !conv.blocked;
    $("#t-reach").textContent = conv.blocked ? tr("unreachable", { channel: label("channel_", conv.channel) }) : "";
    var send = $("#reply-form").querySelector("button[type=submit]");
    send.disabled = !!conv.blocked;
    send.textContent = active ? tr("send_reply") : tr("reopen_and_send");
    // A resolved ticket: its first message may become a sample question (after a review).
    var sample = $("#sample-form");
    sample.hidden = active || !data.first_message;
    $("#sample-question").textContent = data.first_message || "";
    // every article by its title (the input takes the id): no id to know by heart
    $("#sample-articles").replaceChildren.apply($("#sample-articles"), (data.articles || []).map(function (a) {
      return h("option", { value: a.id, label: a.title });
    }));
    if (sample.dataset.ticket !== t.id) {
      sample.dataset.ticket = t.id;
      // The article the bot offered, if any: a hand-off's topic is only a guess.
      sample.article.value = data.offered_article || "";
      $("#sample-result").textContent = "";
    }
    renderAlert(data.alert);
    $("#t-csat").hidden = !t.csat;
    $("#t-csat").textContent = t.csat ? tr("csat", { score: t.csat }) +
      (t.csat_comment ? " — “" + t.csat_comment + "”" : "") : "";
    var form = $("#update-form");
    fillSelect(form.priority, PRIORITIES, t.priority);
    fillSelect(form.group, GROUPS, t.group, "group_");
    fillSelect(form.level, LEVELS, t.level);
    $("#t-fields").replaceChildren.apply($("#t-fields"), Object.keys(t.fields).reduce(function (acc, k) {
      // Where the value came from (first message, answer to X, correction…), beside it.
      var source = (t.sources || {})[k];
      return acc.concat([h("dt", { text: label("field_", k) }), h("dd", null, h("span", { text: t.fields[k] }),
        source ? h("span", { class: "source", text: " · " + sourceText(source) }) : null)]);
    }, []));
    $("#t-notes").replaceChildren.apply($("#t-notes"), data.notes.map(function (n) {
      return h("li", null, h("div", { class: "who", text: (n.author_name || n.author) + " · " + time(n.at) }),
        h("div", { class: "text", text: n.text }));
    }));
    var past = data.user_tickets || [];
    $("#t-past").replaceChildren.apply($("#t-past"), past.length ? past.map(function (p) {
      return h("li", null, h("a", { href: "#ticket/" + p.id, text: p.id }), " " + p.subject + " · " +
        label("status_", p.shown_status || p.status) + " · " + new Date(p.created_at * 1000).toLocaleDateString());
    }) : [h("li", { class: "muted", text: tr("no_past_tickets") })]);
    $("#t-events").replaceChildren.apply($("#t-events"), data.events.map(function (e) {
      return h("li", { text: time(e.at) + " " + e.actor + ": " + label("action_", e.action) + (e.detail ? " — " + e.detail : "") });
    }));
  }

  function fillSelect(select, values, current, prefix) {
    select.replaceChildren.apply(select, values.map(function (v) {
      return h("option", { value: v, text: prefix ? label(prefix, v) : v });
    }));
    select.value = current;
  }

  function fillCanned(replies) {
    var select = $("#reply-form").canned;
    select.replaceChildren(h("option", { value: "", text: "—" }));
    (replies || []).forEach(function (r, i) { select.append(h("option", { value: String(i), text: r.title })); });
  }

  $("#reply-form").text.addEventListener("input", announceTyping);
  $("#reply-form").canned.addEventListener("change", function (ev) {
    var reply = state.open && state.open.canned[ev.target.value];
    if (reply) $("#reply-form").text.value = reply.text;
  });

  function time(at) { return new Date(at * 1000).toLocaleString(); }

  function addEntry(index, entry) {
    if (index < state.nextIndex) return; // already shown
    state.nextIndex = index + 1;
    var author = String(entry.author || "");
    var who = entry.direction === "in" ? tr("who_user") + (entry.author_name ? " " + entry.author_name : "")
      : author.indexOf("operator:") === 0 ? tr("who_operator", { name: entry.author_name || author.slice(9) })
      : entry.direction === "system" ? tr("who_system") : tr("who_bot");
    var cls = entry.direction === "in" ? "in" : author.indexOf("operator:") === 0 ? "operator" : entry.direction;
    var item = h("li", { class: cls, "data-index": String(index) },
      h("div", { class: "who", text: who + " · " + time(entry.at) }),
      h("div", { class: "text", text: entry.text || pressed(entry) ||
        (entry.kind === "start" ? tr("entry_start") : "") }));
    (entry.buttons || []).forEach(function (b) { item.append(h("span", { class: "chip", text: b.label })); });
    (entry.attachments || []).forEach(function (a, n) {
      var url = "/console/api/tickets/" + encodeURIComponent(state.open.ticket.id) + "/files/" + index + "/" + n;
      var name = (a.name || a.kind) + (a.size ? " · " + fileSize(a.size) : "");
      // A mail's file past what intake keeps (its size, or after the twentieth) is named
      // with no link: the link only answered that the file was "no longer kept".
      if (!a.file_id && !a.url) return item.append(h("div", { class: "file muted", text: name + " · " + tr("file_not_kept") }));
      item.append(h("div", { class: "file" }, h("a", { href: url, download: a.name || "", text: name })));
    });
    var list = $("#t-transcript");
    list.append(item);
    list.scrollTop = list.scrollHeight;
  }

  // A button of a keyboard no longer shown (Viber) comes with no words and a payload of
  // ours ("earlier:yes"): the operator reads what happened, not the marker.
  function pressed(entry) {
    var payload = String(entry.payload || "");
    return payload.indexOf("earlier:") === 0 ? tr("entry_earlier_press") : payload;
  }

  function fileSize(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  // Each chosen file carries an upload id: sent again (the reply's answer was lost and
  // Send is clicked again) it is answered the same file id, so the reply naming the files
  // is the same action (operatorAction) and is sent once, with each file kept once.
  var uploadIds = new WeakMap();

  function uploadFile(file) {
    var url = "/console/api/tickets/" + encodeURIComponent(state.open.ticket.id) + "/files";
    if (!uploadIds.has(file)) uploadIds.set(file, randomId());
    return fetch(url, {
      method: "POST", credentials: "same-origin", body: file,
      headers: { "X-CSRF-Token": state.csrf || "", "X-File-Name": encodeURIComponent(file.name),
                 "X-Upload-Id": uploadIds.get(file) },
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (!res.ok) {
          throw new Error(file.name + ": " +
            serverText("refused_", data.key, data.params, data.detail || data.error || res.statusText));
        }
        return data.id;
      });
    });
  }

  function alertError(err) { $("#t-alert").textContent = err.message; }

  function act(action, body) {
    $("#t-alert").textContent = "";
    showNotice("");
    return operatorAction("/console/api/tickets/" + encodeURIComponent(state.open.ticket.id) + "/" + action, body)
      .then(function (data) {
        if (data.visible === false) return leaveTicket(noticeOf(data));
        showNotice(noticeOf(data));
        refreshTicket();
      }).catch(function (err) { alertError(err); refreshTicket(); throw err; });
  }

  $("#sample-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var form = ev.target, out = $("#sample-result");
    form.querySelector("button").disabled = true;
    out.textContent = tr("sample_reviewing");
    // An operator action: resent after a lost answer, it is answered as the first was.
    operatorAction("/console/api/tickets/" + encodeURIComponent(state.open.ticket.id) + "/sample",
      { article: form.article.value.trim(), lang: state.open.conversation.language })
      .then(function (r) {
        var figures = r.before && r.after ? tr("sample_figures", {
          dev_before: pct(r.before.dev_top1), dev_after: pct(r.after.dev_top1),
          tune_before: pct(r.before.tune_top1), tune_after: pct(r.after.tune_top1),
          off_before: pct(r.before.off_topic_answered), off_after: pct(r.after.off_topic_answered) }) : "";
        out.textContent = (r.added ? tr("sample_added", { article: form.article.value.trim() })
          : tr("sample_not_added", { reason: r.reason })) + figures;
      })
      .catch(function (err) { out.textContent = tr("sample_not_added", { reason: err.message }); })
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
  $("#reply-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var form = ev.target, files = Array.from(form.files.files || []);
    $("#t-alert").textContent = "";
    Promise.all(files.map(uploadFile)).then(function (ids) {
      var body = { text: form.text.value, files: ids };
      // A resolved ticket is reopened explicitly: the button says so.
      if (["resolved", "closed"].indexOf(state.open.ticket.status) >= 0) body.reopen = true;
      return act("reply", body);
    }).then(function () { form.text.value = ""; form.files.value = ""; }).catch(alertError);
  });
  $("#note-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var area = ev.target.text;
    act("note", { text: area.value }).then(function () { area.value = ""; }).catch(function () {});
  });

  loadTexts().catch(function () {}).then(function () { return api("GET", "/console/api/session"); })
    .then(function (s) { if (s.signed_in) signedIn(s); else showLogin(s.csrf); });
})();
