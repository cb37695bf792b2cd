// Asks before an action that cannot be undone: a form or button with data-confirm shows its message, and "Cancel" stops it.
(function () {
    document.addEventListener("submit", function (event) {
        // A button that only changes the form (adds a row) does not ask.
        if (event.submitter && event.submitter.hasAttribute("data-no-confirm")) return;
        const source = event.submitter && event.submitter.dataset.confirm ? event.submitter : event.target;
        const message = source && source.dataset ? source.dataset.confirm : null;
        if (message && !window.confirm(message)) event.preventDefault();
    });
})();
