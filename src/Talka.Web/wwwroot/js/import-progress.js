// Polls an import's status and moves the progress bar until the import is done or failed.
(function () {
    const box = document.getElementById("import-progress");
    if (!box) return;
    const bar = document.getElementById("import-bar");
    const state = document.getElementById("import-state");
    const links = document.getElementById("import-links");
    async function poll() {
        const response = await fetch(box.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" });
        if (!response.ok) return;
        const status = await response.json();
        bar.max = Math.max(1, status.total);
        bar.value = status.processed;
        const count = status.processed + " / " + status.total;
        const heading = document.getElementById("import-heading");
        if (status.state === "Done") {
            state.textContent = box.dataset.doneText;
            heading.textContent = heading.dataset.doneText;
            document.title = document.title.replace(/^[^·|–-]*/, heading.dataset.doneText + " ");
            links.hidden = false;
        } else if (status.state === "Failed") {
            state.textContent = status.failure || box.dataset.failedText;
            heading.textContent = heading.dataset.failedText;
        } else {
            state.textContent = box.dataset.runningText + " " + count;
            setTimeout(poll, 400);
        }
    }
    poll();
})();
