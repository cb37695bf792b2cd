// A form whose kind select has data-kind-fields shows only the groups marked data-for-kinds="Survey Audit …" that
// apply to the chosen kind; the others are hidden and disabled, so what they held is not sent.
(function () {
    document.querySelectorAll("select[data-kind-fields]").forEach(function (select) {
        const form = select.form;
        if (!form) return;
        const groups = Array.from(form.querySelectorAll("[data-for-kinds]"));
        function show() {
            groups.forEach(function (group) {
                const applies = group.dataset.forKinds.split(" ").indexOf(select.value) >= 0;
                group.hidden = !applies;
                group.querySelectorAll("input, select, textarea").forEach(function (field) { field.disabled = !applies; });
            });
        }
        select.addEventListener("change", show);
        show();
    });
})();
