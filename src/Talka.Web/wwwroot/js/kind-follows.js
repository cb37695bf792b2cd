// A select whose options carry data-kind sets another select (named by data-sets-kind) to the chosen option's kind:
// an event of the plan's activity "Mokymai" is a training. The kind stays the user's to change afterwards.
(function () {
    document.querySelectorAll("select[data-sets-kind]").forEach(function (select) {
        const target = document.getElementById(select.dataset.setsKind);
        if (!target) return;
        select.addEventListener("change", function () {
            const kind = select.selectedOptions.length > 0 ? select.selectedOptions[0].dataset.kind : "";
            if (kind) target.value = kind;
        });
    });
})();
