/* Dead letters for admins: list, and "retry" queues a reply again. Texts via textContent. */
(function () {
  "use strict";

  window.flAdminPage("dl-status", "dl_page_title", function (page) {
    var tr = page.tr;

    function channel(name) {
      return page.T["channel_" + name] === undefined ? name : page.T["channel_" + name];
    }

    function retryButton(r) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = tr("dl_retry");
      // One id for this button's clicks: a click sent again after its answer was lost is
      // answered as the first ("queued"), not "already retried".
      var actionId = page.actionId();
      button.addEventListener("click", function () {
        button.disabled = true;
        page.api("POST", "/console/api/dead-letters/" + encodeURIComponent(r.delivery_id) + "/retry",
          { action_id: actionId })
          .then(load)
          .then(function () { page.status.textContent = tr("dl_queued", { text: r.text.slice(0, 60) }); })
          .catch(function (e) { page.status.textContent = e.message; button.disabled = false; });
      });
      return button;
    }

    function render(data) {
      var replies = document.querySelector("#dl-replies tbody");
      replies.replaceChildren();
      data.replies.forEach(function (r) {
        var row = page.addRow(replies, [page.when(r.failed_at), channel(r.channel), r.chat_id, r.text, r.error]);
        row.appendChild(document.createElement("td")).appendChild(retryButton(r));
      });
      var unreadable = document.querySelector("#dl-unreadable tbody");
      unreadable.replaceChildren();
      data.unreadable.forEach(function (u) {
        page.addRow(unreadable, [page.when(u.at), channel(u.channel), u.error, String(u.raw).slice(0, 300)]);
      });
      var mail = document.querySelector("#dl-mail tbody");
      mail.replaceChildren();
      data.mail.forEach(function (m) {
        var row = page.addRow(mail, [page.when(m.at), m.source, m.where, m.reason]);
        var cell = row.appendChild(document.createElement("td"));
        if (m.original_url) {
          var link = cell.appendChild(document.createElement("a"));
          link.href = m.original_url;
          link.textContent = "original.eml";
        }
      });
      if (!data.replies.length && !data.unreadable.length && !data.mail.length) {
        page.status.textContent = tr("dl_none");
      }
    }

    function load() {
      return page.api("GET", "/console/api/dead-letters").then(render)
        .catch(function (e) { page.status.textContent = e.message; });
    }

    load();
  });
})();
