/* What the admins' small console pages share: the operator's texts, the API with CSRF, table rows. */
(function () {
  "use strict";
  // flAdminPage(statusId, titleKey, load): translate the page, sign in, then call load(page).
  window.flAdminPage = function (statusId, titleKey, load) {
    var page = { csrf: "", T: {}, status: document.getElementById(statusId) };

    page.tr = function (key, values) {
      var text = page.T[key] === undefined ? key : String(page.T[key]);
      return text.replace(/\{(\w+)\}/g, function (m, k) { return values && k in values ? values[k] : m; });
    };

    page.api = function (method, url, body) {
      var init = { method: method, credentials: "same-origin", headers: {} };
      if (method !== "GET") {
        init.headers["X-CSRF-Token"] = page.csrf;
        if (body !== undefined) {
          init.headers["Content-Type"] = "application/json";
          init.body = JSON.stringify(body);
        }
      }
      return fetch(url, init).then(function (r) {
        return r.json().then(function (data) {
          if (!r.ok) {
            var known = data.key && page.T["refused_" + data.key] !== undefined;
            throw new Error(known ? page.tr("refused_" + data.key, data.params) : data.error || ("HTTP " + r.status));
          }
          return data;
        });
      });
    };

    // A fresh id for an admin's action (its idempotency key): a click sent again with it,
    // after its answer was lost, is applied once and answered as the first.
    page.actionId = function () {
      var bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    };

    // A table row of texts (never HTML); returns the row so a caller can add a cell with a button.
    page.addRow = function (tbody, texts) {
      var row = document.createElement("tr");
      texts.forEach(function (text) { row.appendChild(document.createElement("td")).textContent = text; });
      tbody.appendChild(row);
      return row;
    };

    page.when = function (seconds) {
      return seconds ? new Date(seconds * 1000).toLocaleString() : "";
    };

    page.api("GET", "/console/api/texts").then(function (data) {
      page.T = data.texts || {};
      document.documentElement.lang = data.language;
      document.title = page.tr(titleKey);
      document.querySelectorAll("[data-t]").forEach(function (node) { node.textContent = page.tr(node.dataset.t); });
      return page.api("GET", "/console/api/session");
    }).then(function (s) {
      if (!s.signed_in) { page.status.textContent = page.tr("dl_sign_in"); return; }
      page.csrf = s.csrf;
      load(page);
    });
  };
})();
