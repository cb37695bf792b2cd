// A file field speaks the page's language: the browser's own button says "Choose File" in an English browser. The
// native field stays (labelled, focusable, what assistive technology and tests use) but is hidden from sight; a
// button in the page's language and the chosen file's name are shown in its place.
(function () {
    const body = document.body;
    document.querySelectorAll("input[type=file]").forEach(function (input) {
        if (input.dataset.enhanced) return;
        input.dataset.enhanced = "1";
        input.classList.add("file-native");
        const button = document.createElement("span");
        button.className = "button secondary file-button";
        button.setAttribute("aria-hidden", "true");
        button.textContent = body.dataset.fileChoose;
        const name = document.createElement("span");
        name.className = "file-name";
        name.setAttribute("aria-hidden", "true");
        name.textContent = body.dataset.fileNone;
        button.addEventListener("click", function () { input.click(); });
        input.addEventListener("change", function () {
            name.textContent = input.files && input.files.length > 0
                ? Array.from(input.files).map(function (f) { return f.name; }).join(", ")
                : body.dataset.fileNone;
        });
        input.after(button, name);
    });
})();
