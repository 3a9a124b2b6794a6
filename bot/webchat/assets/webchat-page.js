// The Web Chat page's script (served as a file: the CSP allows no inline script). It gets a conversation token
// from our own server — kept in sessionStorage, so a reload resumes the same conversation and closing the tab
// ends it — then renders Microsoft's Web Chat against our Direct Line endpoint. No sentence here: the page's
// strings come from templates/ through the JSON config, Web Chat's own from its bundle.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("webchat-config").textContent);
  var KEY = "aide-portail.webchat.v1";
  var base = window.location.origin + "/v3/directline";
  var status = document.getElementById("webchat-status");
  // On a phone the chat comes first: what the assistant can do stays one tap away; a desktop shows it open.
  if (window.matchMedia("(min-width: 900px)").matches) document.getElementById("can").open = true;

  function read() {
    try {
      return JSON.parse(window.sessionStorage.getItem(KEY) || "null");
    } catch (e) {
      return null;
    }
  }
  function save(session) {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(session));
    } catch (e) {
      /* private mode: the conversation just does not survive a reload */
    }
  }
  function post(path, token, body) {
    var headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    return fetch(base + path, { method: "POST", headers: headers, body: JSON.stringify(body || {}) }).then(function (res) {
      if (!res.ok) throw new Error(path + " answered " + res.status);
      return res.json();
    });
  }
  /** The stored conversation with a fresh token, or a new conversation when there is none or it has expired. */
  function session() {
    var saved = read();
    var fresh = function () {
      return post("/tokens/generate", null, { locale: config.botLocale }).then(function (g) {
        var s = { token: g.token, conversationId: g.conversationId, userId: g.userId, resumed: false };
        save(s);
        return s;
      });
    };
    if (!saved || !saved.token) return fresh();
    return post("/tokens/refresh", saved.token).then(
      function (r) {
        var s = { token: r.token, conversationId: saved.conversationId, userId: saved.userId, resumed: true };
        save(s);
        return s;
      },
      function () {
        window.sessionStorage.removeItem(KEY);
        return fresh();
      },
    );
  }

  document.getElementById("new-conversation").addEventListener("click", function () {
    window.sessionStorage.removeItem(KEY);
    window.location.reload();
  });

  session()
    .then(function (s) {
      var directLine = window.WebChat.createDirectLine({
        domain: base,
        token: s.token,
        // Resuming: directlinejs reconnects (GET /conversations/{id}) and replays the conversation from the start.
        conversationId: s.resumed ? s.conversationId : undefined,
        webSocket: config.webSocket,
      });
      // directlinejs refreshes its token every 15 minutes: keep the latest for the next reload.
      var keep = function () {
        if (directLine.token) save({ token: directLine.token, conversationId: s.conversationId, userId: s.userId });
      };
      window.setInterval(keep, 60 * 1000);
      window.addEventListener("pagehide", keep);
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          userID: s.userId,
          locale: config.locale,
          nonce: config.nonce,
          styleOptions: {
            hideUploadButton: true,
            accent: "#00467f",
            primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
            bubbleBorderRadius: 8,
            bubbleFromUserBorderRadius: 8,
            bubbleFromUserBackground: "#e6eef5",
            suggestedActionLayout: "flow",
            suggestedActionBorderColor: "#00467f",
            suggestedActionTextColor: "#00467f",
            timestampColor: "#595959",
            subtle: "#595959",
          },
        },
        document.getElementById("webchat"),
      );
      status.textContent = "";
      status.hidden = true;
    })
    .catch(function () {
      status.textContent = config.strings.failed;
    });
})();
