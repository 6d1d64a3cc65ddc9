/* Dead letters for admins: list, and "retry" queues a reply again. Texts via textContent. */
(function () {
  "use strict";
  var csrf = "";
  var status = document.getElementById("dl-status");
  var T = {}; // the console's texts in the operator's language (gateway/texts/<lang>.yaml)

  function tr(key, values) {
    var text = T[key] === undefined ? key : String(T[key]);
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values && k in values ? values[k] : m; });
  }

  function useTexts(data) {
    T = data.texts || {};
    document.documentElement.lang = data.language;
    document.title = tr("dl_page_title");
    document.querySelectorAll("[data-t]").forEach(function (node) { node.textContent = tr(node.dataset.t); });
  }

  function api(method, url) {
    var init = { method: method, credentials: "same-origin", headers: {} };
    if (method !== "GET") init.headers["X-CSRF-Token"] = csrf;
    return fetch(url, init).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) {
          var known = body.key && T["refused_" + body.key] !== undefined;
          throw new Error(known ? tr("refused_" + body.key, body.params) : body.error || ("HTTP " + r.status));
        }
        return body;
      });
    });
  }

  // A table row of texts; returns the row so a caller can add a cell with a button.
  function addRow(tbody, texts) {
    var row = document.createElement("tr");
    texts.forEach(function (text) {
      var td = document.createElement("td");
      td.textContent = text;
      row.appendChild(td);
    });
    tbody.appendChild(row);
    return row;
  }

  function channel(name) {
    return T["channel_" + name] === undefined ? name : T["channel_" + name];
  }

  function when(seconds) {
    return seconds ? new Date(seconds * 1000).toLocaleString() : "";
  }

  function retryButton(r) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = tr("dl_retry");
    button.addEventListener("click", function () {
      button.disabled = true;
      api("POST", "/console/api/dead-letters/" + encodeURIComponent(r.delivery_id) + "/retry")
        .then(load)
        .then(function () { status.textContent = tr("dl_queued", { text: r.text.slice(0, 60) }); })
        .catch(function (e) { status.textContent = e.message; button.disabled = false; });
    });
    return button;
  }

  function render(data) {
    var replies = document.querySelector("#dl-replies tbody");
    replies.replaceChildren();
    data.replies.forEach(function (r) {
      var row = addRow(replies, [when(r.failed_at), channel(r.channel), r.chat_id, r.text, r.error]);
      row.appendChild(document.createElement("td")).appendChild(retryButton(r));
    });
    var unreadable = document.querySelector("#dl-unreadable tbody");
    unreadable.replaceChildren();
    data.unreadable.forEach(function (u) {
      addRow(unreadable, [when(u.at), channel(u.channel), u.error, String(u.raw).slice(0, 300)]);
    });
    var mail = document.querySelector("#dl-mail tbody");
    mail.replaceChildren();
    data.mail.forEach(function (m) {
      var row = addRow(mail, [when(m.at), m.source, m.where, m.reason]);
      var cell = row.appendChild(document.createElement("td"));
      if (m.original_url) {
        var link = cell.appendChild(document.createElement("a"));
        link.href = m.original_url;
        link.textContent = "original.eml";
      }
    });
    if (!data.replies.length && !data.unreadable.length && !data.mail.length) {
      status.textContent = tr("dl_none");
    }
  }

  function load() {
    return api("GET", "/console/api/dead-letters").then(render)
      .catch(function (e) { status.textContent = e.message; });
  }

  api("GET", "/console/api/texts").then(useTexts).then(function () {
    return api("GET", "/console/api/session");
  }).then(function (s) {
    if (!s.signed_in) { status.textContent = tr("dl_sign_in"); return; }
    csrf = s.csrf;
    load();
  });
})();
