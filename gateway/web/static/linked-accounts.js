/* Linked accounts for admins: the links, "revoke", and the self-service audit. Texts via textContent. */
(function () {
  "use strict";

  window.flAdminPage("la-status", "la_page_title", function (page) {
    var tr = page.tr;

    function revokeButton(link) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = tr("la_revoke");
      var actionId = page.actionId(); // this button's clicks: a resent one revokes once
      button.addEventListener("click", function () {
        button.disabled = true;
        page.api("POST", "/console/api/linked-accounts/revoke", { identity: link.identity, action_id: actionId })
          .then(load)
          .then(function () { page.status.textContent = tr("la_revoked", { identity: link.identity }); })
          .catch(function (e) { page.status.textContent = e.message; button.disabled = false; });
      });
      return button;
    }

    // An audit code in the operator's language: "refused: too_short" -> la_res_refused_too_short,
    // "by anna" -> la_res_by {admin}; a code without a text is shown as it is.
    function code(prefix, value) {
      var by = /^by (.+)$/.exec(value);
      var key = prefix + (by ? "by" : value.replace(/: /g, "_"));
      var text = tr(key, { admin: by ? by[1] : "" });
      return text === key ? value : text;
    }

    function render(data) {
      var links = document.querySelector("#la-links tbody");
      links.replaceChildren();
      data.links.forEach(function (l) {
        var row = page.addRow(links, [l.identity, l.login, page.when(l.linked_at), page.when(l.expires_at)]);
        row.appendChild(document.createElement("td")).appendChild(revokeButton(l));
      });
      var audit = document.querySelector("#la-audit tbody");
      audit.replaceChildren();
      data.audit.forEach(function (a) {
        page.addRow(audit, [page.when(a.at), a.identity, a.login, code("la_act_", a.action),
          code("la_res_", a.result), a.address]);
      });
      if (!data.links.length) { page.status.textContent = tr("la_none"); }
    }

    function load() {
      return page.api("GET", "/console/api/linked-accounts").then(render)
        .catch(function (e) { page.status.textContent = e.message; });
    }

    load();
  });
})();
