// Print support: give every link to another page its absolute address (printed after the link by
// extra.css, since "../checker/" means nothing on paper) and open collapsed blocks before printing.
// Holds no human text. Runs once per page load (the site does not use instant navigation).
(function () {
  "use strict";

  function withoutHash(url) {
    return url.split("#")[0];
  }

  function markLinks() {
    var here = withoutHash(window.location.href);
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (!href || href.charAt(0) === "#" || /^[a-z]+:/i.test(href)) {
        return;
      }
      // A link to a section of this very page ("../registration/#duration" seen from the
      // registration page) prints nothing: the reader already holds that page.
      if (withoutHash(link.href) === here) {
        return;
      }
      link.setAttribute("data-print-href", link.href);
    });
  }

  function openDetails() {
    document.querySelectorAll(".md-content details:not([open])").forEach(function (block) {
      block.setAttribute("open", "");
      block.setAttribute("data-print-opened", "");
    });
  }

  function restoreDetails() {
    document.querySelectorAll(".md-content details[data-print-opened]").forEach(function (block) {
      block.removeAttribute("open");
      block.removeAttribute("data-print-opened");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markLinks);
  } else {
    markLinks();
  }
  window.addEventListener("beforeprint", openDetails);
  window.addEventListener("afterprint", restoreDetails);
})();
