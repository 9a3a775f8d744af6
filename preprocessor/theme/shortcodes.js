/*!
 * theme/shortcodes.js: tells theme/shortcodes.css when embedded players cannot load, so their
 * placeholders (a box naming the service and linking to the video) take their place. Two classes
 * on <html>: `hugo-file` when the book is read from disk (file://, where YouTube's player refuses
 * to play), `hugo-offline` while the browser is offline (kept up to date). Without this script the
 * players show as Hugo renders them.
 *
 * It also takes away a post's cover (`img.hugo-cover`) that cannot load, a remote picture read
 * offline, rather than leave an empty band above the title (theme/hugo.css hides the broken-image
 * icon where the script does not run).
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

    function isCover(node) {
        return node && node.nodeType === 1 && node.matches("img.hugo-cover");
    }
    // `error` does not bubble: listen while it goes down, for covers that fail from now on...
    document.addEventListener("error", function (event) {
        if (isCover(event.target)) {
            event.target.hidden = true;
        }
    }, true);
    // ...and look at those that failed before this script ran.
    var covers = document.querySelectorAll("img.hugo-cover");
    for (var i = 0; i < covers.length; i++) {
        if (covers[i].complete && covers[i].naturalWidth === 0 && covers[i].getAttribute("src")) {
            covers[i].hidden = true;
        }
    }
})();
