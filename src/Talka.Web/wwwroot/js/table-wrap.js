// A table wider than the screen scrolls inside its frame: the frame is made reachable by keyboard (Tab, then the
// arrow keys) and named after the table, so that nobody is left unable to see its last columns.
(function () {
    function mark() {
        document.querySelectorAll(".table-wrap").forEach(function (wrap) {
            var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
            if (scrolls && !wrap.hasAttribute("tabindex")) {
                wrap.setAttribute("tabindex", "0");
                wrap.setAttribute("role", "region");
                var caption = wrap.querySelector("caption");
                var heading = wrap.previousElementSibling;
                var name = caption ? caption.textContent : heading && /^H[2-4]$/.test(heading.tagName) ? heading.textContent : "";
                wrap.setAttribute("aria-label", (name || document.title).trim());
                wrap.dataset.scrollMarked = "1";
            } else if (!scrolls && wrap.dataset.scrollMarked) {
                wrap.removeAttribute("tabindex");
                wrap.removeAttribute("role");
                wrap.removeAttribute("aria-label");
                delete wrap.dataset.scrollMarked;
            }
        });
    }
    mark();
    window.addEventListener("resize", mark);
})();
