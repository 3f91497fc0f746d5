/* Live chat over a websocket, on top of pages that work without JavaScript (forms and an "Actualiser" link).
 *
 * Nothing typed is lost: a message stays "en cours d'envoi" until the server acknowledges it (it is then in
 * the database); after a lost connection the page reconnects, asks for the messages after the last one it
 * has (by sequence number) and sends again, with the same client_id, what was not acknowledged (the server
 * stores it once). Unacknowledged messages are also kept in sessionStorage across a reload of the page.
 */
(function () {
  "use strict";

  var SITE_LINK = /(^|[^\w/])(\/(?:metiers|formations|etablissements|structures)\/[A-Za-z0-9_.-]+\/)/g;

  function socketUrl(path) {
    var scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    return scheme + "//" + window.location.host + path;
  }

  function newClientId() {
    if (window.crypto && window.crypto.getRandomValues) {
      var bytes = new Uint8Array(12);
      window.crypto.getRandomValues(bytes);
      return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    }
    return String(Date.now()) + String(Math.random()).slice(2, 10);
  }

  /* Text with the site's own catalogue paths as links, built with DOM nodes (never innerHTML). */
  function fillText(element, text) {
    var lines = String(text).split("\n");
    lines.forEach(function (line, index) {
      if (index > 0) element.appendChild(document.createElement("br"));
      var last = 0;
      line.replace(SITE_LINK, function (match, before, path, offset) {
        var start = offset + before.length;
        element.appendChild(document.createTextNode(line.slice(last, start)));
        var link = document.createElement("a");
        link.href = path;
        link.textContent = path;
        element.appendChild(link);
        last = start + path.length;
        return match;
      });
      element.appendChild(document.createTextNode(line.slice(last)));
    });
  }

  function Chat(root) {
    this.root = root;
    this.viewer = root.getAttribute("data-viewer");
    this.conversation = root.getAttribute("data-conversation");
    this.url = socketUrl(root.getAttribute("data-ws"));
    this.log = document.getElementById("chat-messages");
    this.form = document.getElementById("chat-form");
    this.status = document.getElementById("chat-status-label");
    this.connection = document.getElementById("chat-connection");
    this.lastSeq = parseInt(this.log.getAttribute("data-last-seq"), 10) || 0;
    this.seen = {};
    var self = this;
    Array.prototype.forEach.call(this.log.querySelectorAll("[data-seq]"), function (item) {
      self.seen[item.getAttribute("data-seq")] = true;
    });
    this.storageKey = "hent-chat-pending:" + (this.conversation || root.getAttribute("data-ws"));
    this.pending = this.loadPending();
    this.retry = 0;
    Object.keys(this.pending).forEach(function (id) { self.showPending(id, self.pending[id]); });
    if (this.form) {
      this.form.addEventListener("submit", function (event) {
        event.preventDefault();
        self.submit();
      });
      var box = this.form.querySelector("textarea");
      box.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && !event.shiftKey) {
          event.preventDefault();
          self.submit();
        }
      });
    }
    this.connect();
    if (this.viewer === "adviser") {
      window.setInterval(function () {
        if (self.socket && self.socket.readyState === WebSocket.OPEN) self.socket.send(JSON.stringify({ type: "ping" }));
      }, 30000);
    }
  }

  Chat.prototype.loadPending = function () {
    try {
      return JSON.parse(window.sessionStorage.getItem(this.storageKey) || "{}") || {};
    } catch (e) {
      return {};
    }
  };

  Chat.prototype.savePending = function () {
    try {
      window.sessionStorage.setItem(this.storageKey, JSON.stringify(this.pending));
    } catch (e) { /* private browsing: pending messages live only in this page */ }
  };

  Chat.prototype.setConnection = function (text) {
    if (!this.connection) return;
    this.connection.hidden = !text;
    this.connection.textContent = text || "";
  };

  Chat.prototype.connect = function () {
    var self = this;
    // The visitor's socket sends, on connection, the messages after the last one this page has.
    var socket = new WebSocket(this.viewer === "visitor" ? this.url + "&after=" + this.lastSeq : this.url);
    this.socket = socket;
    socket.addEventListener("open", function () {
      self.retry = 0;
      self.setConnection("");
      if (self.viewer === "adviser") {
        socket.send(JSON.stringify({ type: "watch", conversation: parseInt(self.conversation, 10), after: self.lastSeq }));
      }
      Object.keys(self.pending).forEach(function (id) { self.transmit(id); });
    });
    socket.addEventListener("message", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      self.receive(data);
    });
    socket.addEventListener("close", function (event) {
      if (self.socket !== socket) return;
      if (event.code === 4404 || event.code === 4403) {
        self.setConnection("Conversation indisponible : actualisez la page.");
        return;
      }
      self.setConnection("Connexion perdue, reconnexion…");
      var delay = Math.min(10000, 500 * Math.pow(2, self.retry++));
      window.setTimeout(function () { self.connect(); }, delay);
    });
  };

  Chat.prototype.mine = function (data) {
    return !this.conversation || String(data.conversation) === String(this.conversation);
  };

  Chat.prototype.receive = function (data) {
    var self = this;
    if (data.type === "history" && this.mine(data)) {
      data.messages.forEach(function (m) { self.add(m); });
    } else if (data.type === "message" && this.mine(data)) {
      this.add(data.message);
    } else if (data.type === "ack" && this.mine(data)) {
      this.acknowledged(data.client_id, data.seq, data.message);
    } else if (data.type === "status" && this.mine(data)) {
      if (this.status) this.status.textContent = data.label;
      if (data.status === "closed" && this.form) this.form.hidden = true;
    } else if (data.type === "error" && this.mine(data)) {
      if (data.client_id && this.pending[data.client_id] !== undefined) {
        delete this.pending[data.client_id];
        this.savePending();
        var item = this.log.querySelector('[data-client-id="' + data.client_id + '"] .chat-message__state');
        if (item) item.textContent = data.error;
      } else {
        this.setConnection(data.error);
      }
    } else if (data.type === "deleted" && this.mine(data)) {
      this.setConnection("Cette conversation a été effacée.");
      if (this.form) this.form.hidden = true;
    }
  };

  Chat.prototype.add = function (m) {
    if (this.seen[m.seq]) return;
    if (m.seq > this.lastSeq + 1) this.catchUp();  // a number was skipped: ask for what came in between
    this.seen[m.seq] = true;
    var empty = this.log.querySelector(".chat-log__empty");
    if (empty) empty.parentNode.removeChild(empty);
    var item = m.client_id ? this.log.querySelector('[data-client-id="' + m.client_id + '"]') : null;
    if (item) {
      item.parentNode.removeChild(item);
      if (this.pending[m.client_id] !== undefined) {
        delete this.pending[m.client_id];
        this.savePending();
      }
    }
    item = this.render(m.author, m.author_label, m.time, m.text);
    item.setAttribute("data-seq", m.seq);
    // Keep the log in sequence order (history and live messages may cross).
    var next = null;
    Array.prototype.some.call(this.log.querySelectorAll("[data-seq]"), function (other) {
      if (parseInt(other.getAttribute("data-seq"), 10) > m.seq) { next = other; return true; }
      return false;
    });
    var firstPending = this.log.querySelector(".chat-message--pending");
    this.log.insertBefore(item, next || firstPending || null);
    if (m.seq > this.lastSeq) this.lastSeq = m.seq;
    this.log.scrollTop = this.log.scrollHeight;
  };

  Chat.prototype.catchUp = function () {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
    var request = this.viewer === "adviser"
      ? { type: "watch", conversation: parseInt(this.conversation, 10), after: this.lastSeq }
      : { type: "sync", after: this.lastSeq };
    this.socket.send(JSON.stringify(request));
  };

  Chat.prototype.render = function (author, label, time, text) {
    var item = document.createElement("li");
    item.className = "chat-message chat-message--" + author + (author === this.viewer ? " chat-message--own" : "");
    var meta = document.createElement("p");
    meta.className = "chat-message__meta";
    var who = document.createElement("span");
    who.className = "chat-message__author";
    if (this.viewer === "adviser" && author === "visitor") label = "Visiteur";
    if (this.viewer === "adviser" && author === "adviser") label = "Conseiller";
    who.textContent = label;
    meta.appendChild(who);
    if (time) {
      meta.appendChild(document.createTextNode(" "));
      var when = document.createElement("time");
      when.textContent = time;
      meta.appendChild(when);
    }
    var body = document.createElement("p");
    body.className = "chat-message__text";
    fillText(body, text);
    item.appendChild(meta);
    item.appendChild(body);
    return item;
  };

  Chat.prototype.showPending = function (clientId, text) {
    var item = this.render(this.viewer, this.viewer === "visitor" ? "Vous" : "Conseiller", "", text);
    item.classList.add("chat-message--pending");
    item.setAttribute("data-client-id", clientId);
    var state = document.createElement("p");
    state.className = "chat-message__state";
    state.textContent = "envoi…";
    item.appendChild(state);
    this.log.appendChild(item);
    this.log.scrollTop = this.log.scrollHeight;
  };

  Chat.prototype.acknowledged = function (clientId, seq, message) {
    if (this.pending[clientId] === undefined) return;
    var text = this.pending[clientId];
    delete this.pending[clientId];
    this.savePending();
    if (!this.seen[seq]) {
      this.add(message || { seq: seq, author: this.viewer, author_label: "", text: text, client_id: clientId, time: "" });
    } else {
      var item = this.log.querySelector('[data-client-id="' + clientId + '"]');
      if (item) item.parentNode.removeChild(item);
    }
  };

  Chat.prototype.transmit = function (clientId) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
    var message = { type: "message", client_id: clientId, text: this.pending[clientId] };
    if (this.conversation) message.conversation = parseInt(this.conversation, 10);
    this.socket.send(JSON.stringify(message));
  };

  Chat.prototype.submit = function () {
    var box = this.form.querySelector("textarea");
    var text = box.value.trim();
    if (!text) return;
    var clientId = newClientId();
    this.pending[clientId] = text;
    this.savePending();
    this.showPending(clientId, text);
    box.value = "";
    this.transmit(clientId);
  };

  /* The adviser's queue: refreshed when the server says it changed (at most every 2 seconds). */
  function Queue(root) {
    var self = this;
    this.root = root;
    this.url = socketUrl(root.getAttribute("data-ws"));
    this.refreshUrl = root.getAttribute("data-refresh");
    this.connection = document.getElementById("chat-connection");
    this.timer = null;
    this.retry = 0;
    this.connect();
    window.setInterval(function () {
      if (self.socket && self.socket.readyState === WebSocket.OPEN) self.socket.send(JSON.stringify({ type: "ping" }));
    }, 30000);
  }

  Queue.prototype.connect = function () {
    var self = this;
    var socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener("open", function () {
      self.retry = 0;
      if (self.connection) self.connection.hidden = true;
      self.schedule();
    });
    socket.addEventListener("message", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (data.type === "queue") self.schedule();
    });
    socket.addEventListener("close", function (event) {
      if (event.code === 4403) return;
      if (self.connection) {
        self.connection.hidden = false;
        self.connection.textContent = "Connexion perdue, reconnexion…";
      }
      var delay = Math.min(10000, 500 * Math.pow(2, self.retry++));
      window.setTimeout(function () { self.connect(); }, delay);
    });
  };

  Queue.prototype.schedule = function () {
    var self = this;
    if (this.timer) return;
    this.timer = window.setTimeout(function () {
      self.timer = null;
      self.refresh();
    }, 300);
  };

  Queue.prototype.refresh = function () {
    var self = this;
    window.fetch(this.refreshUrl, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("queue");
      var current = self.root.querySelector("#queue");
      if (fresh && current) current.parentNode.replaceChild(document.adoptNode(fresh), current);
    }).catch(function () { /* the "Actualiser" link still works */ });
  };

  document.addEventListener("DOMContentLoaded", function () {
    if (!("WebSocket" in window)) return;
    var chat = document.getElementById("chat");
    if (chat && chat.getAttribute("data-ws")) new Chat(chat);
    var queue = document.querySelector("[data-queue]");
    if (queue) new Queue(queue);
  });
})();
