/* Linked accounts for admins: the links, "revoke", and the self-service audit. Texts via textContent. */
(function () {
  "use strict";
  var csrf = "";
  var status = document.getElementById("la-status");
  var T = {}; // the console's texts in the operator's language (gateway/texts/<lang>.yaml)

  function tr(key, values) {
    var text = T[key] === undefined ? key : String(T[key]);
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values && k in values ? values[k] : m; });
  }

  function useTexts(data) {
    T = data.texts || {};
    document.documentElement.lang = data.language;
    document.title = tr("la_page_title");
    document.querySelectorAll("[data-t]").forEach(function (node) { node.textContent = tr(node.dataset.t); });
  }

  function api(method, url, body) {
    var init = { method: method, credentials: "same-origin", headers: {} };
    if (method !== "GET") {
      init.headers["X-CSRF-Token"] = csrf;
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body || {});
    }
    return fetch(url, init).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) {
          var known = data.key && T["refused_" + data.key] !== undefined;
          throw new Error(known ? tr("refused_" + data.key, data.params) : data.error || ("HTTP " + r.status));
        }
        return data;
      });
    });
  }

  function addRow(tbody, texts) {
    var row = document.createElement("tr");
    texts.forEach(function (text) {
      row.appendChild(document.createElement("td")).textContent = text;
    });
    tbody.appendChild(row);
    return row;
  }

  function when(seconds) {
    return seconds ? new Date(seconds * 1000).toLocaleString() : "";
  }

  function revokeButton(link) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = tr("la_revoke");
    button.addEventListener("click", function () {
      button.disabled = true;
      api("POST", "/console/api/linked-accounts/revoke", { identity: link.identity })
        .then(load)
        .then(function () { status.textContent = tr("la_revoked", { identity: link.identity }); })
        .catch(function (e) { status.textContent = e.message; button.disabled = false; });
    });
    return button;
  }

  function render(data) {
    var links = document.querySelector("#la-links tbody");
    links.replaceChildren();
    data.links.forEach(function (l) {
      var row = addRow(links, [l.identity, l.login, when(l.linked_at), when(l.expires_at)]);
      row.appendChild(document.createElement("td")).appendChild(revokeButton(l));
    });
    var audit = document.querySelector("#la-audit tbody");
    audit.replaceChildren();
    data.audit.forEach(function (a) {
      addRow(audit, [when(a.at), a.identity, a.login, a.action, a.result, a.address]);
    });
    if (!data.links.length) { status.textContent = tr("la_none"); }
  }

  function load() {
    return api("GET", "/console/api/linked-accounts").then(render)
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
