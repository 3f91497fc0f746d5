// Autocomplete for the header search box: an ARIA 1.2 combobox over /api/v1/occupations/search.
// Without JavaScript the box is a plain form that submits to /recherche/.
(function () {
  "use strict";
  var input = document.getElementById("site-search");
  if (!input || !window.fetch) { return; }
  var form = input.form;
  var endpoint = form.getAttribute("data-autocomplete");
  var list = document.createElement("ul");
  var status = document.createElement("p");
  var timer = null;
  var active = -1;
  var items = [];
  var lastQuery = "";

  list.id = "site-search-list";
  list.className = "autocomplete";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Métiers proposés");
  list.hidden = true;
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  form.querySelector(".search-box__row").appendChild(list);
  form.appendChild(status);

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    items.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    if (index >= 0) { input.setAttribute("aria-activedescendant", items[index].id); }
    else { input.removeAttribute("aria-activedescendant"); }
  }

  function render(results) {
    list.textContent = "";
    items = results.map(function (r, i) {
      var li = document.createElement("li");
      li.id = "site-search-option-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.url = r.url;
      var title = document.createElement("span");
      title.textContent = r.title;
      li.appendChild(title);
      if (r.matched_title && r.matched_title !== r.title) {
        var why = document.createElement("span");
        why.className = "autocomplete__why";
        why.textContent = r.matched_title;
        li.appendChild(why);
      }
      li.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.href = r.url; });
      list.appendChild(li);
      return li;
    });
    if (items.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = items.length + (items.length > 1 ? " métiers proposés" : " métier proposé") +
        ". Flèches haut et bas pour choisir, Entrée pour ouvrir.";
    } else {
      close();
      status.textContent = "Aucun métier proposé. Appuyez sur Entrée pour lancer la recherche.";
    }
    active = -1;
  }

  function lookup() {
    var q = input.value.trim();
    if (q === lastQuery) { return; }
    lastQuery = q;
    if (q.length < 2) { render([]); status.textContent = ""; return; }
    fetch(endpoint + "?limit=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (input.value.trim() === q) { render(data.results || []); } })
      .catch(function () { close(); });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(lookup, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && items.length) {
      event.preventDefault();
      if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
      highlight((active + 1) % items.length);
    } else if (event.key === "ArrowUp" && items.length) {
      event.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
      event.preventDefault();
      window.location.href = items[active].dataset.url;
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault(); // the first Escape closes the list; a second one clears the box, as usual
      close();
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
})();
