// A long multiple choice (60 municipalities, partners, target groups) as a searchable list of check boxes with the
// chosen values shown as removable chips, instead of a list box that needs Ctrl-click. The native select stays in the
// form (hidden) and carries the values; without script it is the plain list box.
(function () {
    const body = document.body;
    const fold = function (text) {
        return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
    };
    document.querySelectorAll("select[multiple][data-multi-select]").forEach(function (select, n) {
        if (select.dataset.enhanced) return;
        select.dataset.enhanced = "1";
        const label = document.querySelector("label[for='" + select.id + "']");
        const name = label ? label.textContent.trim() : "";
        const box = document.createElement("div");
        box.className = "multi-select";
        const chips = document.createElement("ul");
        chips.className = "chips chosen";
        chips.setAttribute("aria-label", body.dataset.chosen + ": " + name);
        chips.setAttribute("aria-live", "polite");
        const search = document.createElement("input");
        search.type = "search";
        search.id = select.id + "-filter";
        search.placeholder = body.dataset.filter;
        search.autocomplete = "off";
        const list = document.createElement("div");
        list.className = "multi-options";
        list.id = select.id + "-options";
        list.setAttribute("role", "group");
        list.setAttribute("aria-label", name);
        search.setAttribute("aria-controls", list.id);
        if (label) label.htmlFor = search.id;

        const boxes = Array.from(select.options).map(function (option, i) {
            const row = document.createElement("label");
            const check = document.createElement("input");
            check.type = "checkbox";
            check.id = select.id + "-o" + i;
            check.checked = option.selected;
            check.addEventListener("change", function () {
                option.selected = check.checked;
                select.dispatchEvent(new Event("change", { bubbles: true }));
                drawChips();
            });
            row.append(check, " " + option.text);
            row.dataset.text = fold(option.text);
            list.append(row);
            return { option: option, check: check, row: row };
        });

        function drawChips() {
            chips.replaceChildren();
            const chosen = boxes.filter(function (b) { return b.option.selected; });
            if (chosen.length === 0) {
                const none = document.createElement("li");
                none.className = "muted";
                none.textContent = body.dataset.noneChosen;
                chips.append(none);
            }
            chosen.forEach(function (b) {
                const item = document.createElement("li");
                const remove = document.createElement("button");
                remove.type = "button";
                remove.className = "chip";
                remove.setAttribute("aria-label", body.dataset.remove + ": " + b.option.text);
                remove.textContent = b.option.text + " ×";
                remove.addEventListener("click", function () {
                    b.option.selected = false;
                    b.check.checked = false;
                    select.dispatchEvent(new Event("change", { bubbles: true }));
                    drawChips();
                    search.focus();
                });
                item.append(remove);
                chips.append(item);
            });
        }

        search.addEventListener("input", function () {
            const wanted = fold(search.value);
            boxes.forEach(function (b) { b.row.hidden = wanted.length > 0 && !b.row.dataset.text.includes(wanted); });
        });
        // Enter in the filter never submits the form: it ticks the only value left, if one is.
        search.addEventListener("keydown", function (e) {
            if (e.key !== "Enter") return;
            e.preventDefault();
            const shown = boxes.filter(function (b) { return !b.row.hidden; });
            if (shown.length === 1) shown[0].check.click();
        });

        select.hidden = true;
        box.append(chips, search, list);
        select.after(box);
        drawChips();
    });
})();
