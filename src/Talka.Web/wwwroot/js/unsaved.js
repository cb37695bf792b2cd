// Warns before leaving a page whose form (marked data-unsaved) has edits not yet saved. Sending the form is not
// leaving it: a submission that goes ahead (not cancelled at a confirmation) clears the warning.
(function () {
    let dirty = false;
    function edited(event) {
        if (event.target && event.target.form && event.target.form.hasAttribute("data-unsaved")) dirty = true;
    }
    document.addEventListener("input", edited);
    document.addEventListener("change", edited);
    // On window, so it runs after the confirmation on document has had its say.
    window.addEventListener("submit", function (event) {
        if (!event.defaultPrevented) dirty = false;
    });
    window.addEventListener("beforeunload", function (event) {
        if (!dirty) return;
        event.preventDefault();
        event.returnValue = "";
    });
})();
