// Asks before an action that cannot be undone: a form or button with data-confirm shows its message, and "Cancel" stops it.
(function () {
    document.addEventListener("submit", function (event) {
        const source = event.submitter && event.submitter.dataset.confirm ? event.submitter : event.target;
        const message = source && source.dataset ? source.dataset.confirm : null;
        if (message && !window.confirm(message)) event.preventDefault();
    });
})();
