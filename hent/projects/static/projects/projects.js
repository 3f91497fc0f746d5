// My project: small enhancements. Every page works without this script.
(function () {
  "use strict";

  // "Copier le lien": copies the private link, and says so in the status region next to it.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var status = button.parentElement.querySelector("[role=status]");
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        if (status) status.textContent = button.getAttribute("data-copied");
      });
    });
  });

  // "Imprimer": the browser's own print dialogue (without JavaScript, the page says how to print).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
