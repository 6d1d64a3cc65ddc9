/* Dead letters for admins: list, and "retry" queues a reply again. Texts via textContent. */
(function () {
  "use strict";
  var csrf = "";
  var status = document.getElementById("dl-status");

  function api(method, url) {
    var init = { method: method, credentials: "same-origin", headers: {} };
    if (method !== "GET") init.headers["X-CSRF-Token"] = csrf;
    return fetch(url, init).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body.error || ("HTTP " + r.status));
        return body;
      });
    });
  }

  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function when(seconds) {
    return seconds ? new Date(seconds * 1000).toLocaleString() : "";
  }

  function render(data) {
    var replies = document.querySelector("#dl-replies tbody");
    replies.replaceChildren();
    data.replies.forEach(function (r) {
      var row = document.createElement("tr");
      cell(row, when(r.failed_at));
      cell(row, r.channel);
      cell(row, r.chat_id);
      cell(row, r.text);
      cell(row, r.error);
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = "Retry";
      button.addEventListener("click", function () {
        button.disabled = true;
        api("POST", "/console/api/dead-letters/" + encodeURIComponent(r.delivery_id) + "/retry")
          .then(function () { status.textContent = "Queued again: " + r.text.slice(0, 60); load(); })
          .catch(function (e) { status.textContent = e.message; button.disabled = false; });
      });
      cell(row, "").appendChild(button);
      replies.appendChild(row);
    });
    var unreadable = document.querySelector("#dl-unreadable tbody");
    unreadable.replaceChildren();
    data.unreadable.forEach(function (u) {
      var row = document.createElement("tr");
      cell(row, when(u.at));
      cell(row, u.channel);
      cell(row, u.error);
      cell(row, String(u.raw).slice(0, 300));
      unreadable.appendChild(row);
    });
    if (!data.replies.length && !data.unreadable.length) status.textContent = "No dead letters.";
  }

  function load() {
    return api("GET", "/console/api/dead-letters").then(render)
      .catch(function (e) { status.textContent = e.message; });
  }

  api("GET", "/console/api/session").then(function (s) {
    if (!s.signed_in) { status.textContent = "Sign in on the console first."; return; }
    csrf = s.csrf;
    load();
  });
})();
