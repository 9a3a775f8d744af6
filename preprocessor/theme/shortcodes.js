/*!
 * theme/shortcodes.js: tells theme/shortcodes.css when embedded players cannot load, so their
 * placeholders (a box naming the service and linking to the video) take their place. Two classes
 * on <html>: `hugo-file` when the book is read from disk (file://, where YouTube's player refuses
 * to play), `hugo-offline` while the browser is offline (kept up to date). Without this script the
 * players show as Hugo renders them.
 */
(function () {
    "use strict";
    var root = document.documentElement;
    if (window.location.protocol === "file:") {
        root.classList.add("hugo-file");
    }
    function update() {
        root.classList.toggle("hugo-offline", navigator.onLine === false);
    }
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
})();
