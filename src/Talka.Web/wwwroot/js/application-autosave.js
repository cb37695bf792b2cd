// Saves a draft as its author types (an application's, or an expert's scores with their computed total), in a form
// marked data-autosave: a second and a half after the last change, the form goes to its autosave address; the answer
// gives the draft's new version and what is still missing (or the total), or the errors, which are shown beside the
// status. The "Save" button still works without scripts.
(function () {
    const form = document.querySelector("form[data-autosave]");
    if (!form) return;
    const status = document.getElementById("autosave-status");
    const version = form.querySelector("[data-version]");
    const missing = document.getElementById("missing-list");
    const none = document.getElementById("missing-none");
    let timer = null;
    let saving = false;
    let again = false;

    async function save() {
        if (saving) { again = true; return; }
        saving = true;
        try {
            const response = await fetch(form.dataset.autosave, {
                method: "POST",
                body: new FormData(form),
                headers: { "X-Requested-With": "fetch" },
            });
            const answer = await response.json();
            if (response.ok) {
                version.value = answer.version;
                status.textContent = answer.saved;
                const total = document.getElementById("score-total");
                if (total && answer.total) total.textContent = answer.total;
                if (missing) {
                    missing.replaceChildren(...answer.missing.map(function (text) {
                        const item = document.createElement("li");
                        item.textContent = text;
                        return item;
                    }));
                    none.hidden = answer.missing.length > 0;
                }
            } else {
                status.textContent = answer.errors.map(function (e) { return e.message; }).join(" ");
            }
        } catch (error) {
            // Offline or the server away: the Save button still works; say nothing new.
        } finally {
            saving = false;
            if (again) { again = false; save(); }
        }
    }

    function changed(event) {
        if (event.target.form !== form) return;
        clearTimeout(timer);
        timer = setTimeout(save, 1500);
    }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
})();
