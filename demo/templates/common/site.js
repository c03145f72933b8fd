/* shared demo script: cookie banner, newsletter, lazy images */
(function () {
  function ready(fn) { if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn); }
  ready(function () {
    var banner = document.getElementById("cookie-banner");
    if (banner && document.cookie.indexOf("consent=1") !== -1) banner.style.display = "none";
    document.querySelectorAll("[data-cookie-accept]").forEach(function (b) {
      b.addEventListener("click", function () {
        document.cookie = "consent=1; max-age=31536000; path=/";
        banner.style.display = "none";
      });
    });
    document.querySelectorAll("img[data-src]").forEach(function (img) { img.src = img.getAttribute("data-src"); });
  });
})();
