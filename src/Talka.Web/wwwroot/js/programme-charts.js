// Draws each programme chart from the numbers the page already shows in its table: units on the value axis (€,
// persons, academic hours), the unknown value set apart in grey.
(function () {
    if (typeof Chart === "undefined") return;
    const colours = ["#0b5c3b", "#2f7d5c", "#4f9b7c", "#7bb89e", "#0a4f8f", "#3a77b0", "#6b9fd0", "#a8d3c0"];
    const unknownColour = "#b8bec7";
    document.querySelectorAll("canvas[data-labels]").forEach(function (canvas) {
        const labels = JSON.parse(canvas.dataset.labels);
        const values = JSON.parse(canvas.dataset.values);
        const unknown = JSON.parse(canvas.dataset.unknown || "[]");
        const unit = canvas.dataset.unit || "";
        const format = function (v) { return Number(v).toLocaleString("lt-LT") + (unit ? "\u00a0" + unit : ""); };
        new Chart(canvas, {
            type: "bar",
            data: {
                labels: labels,
                datasets: [{
                    data: values,
                    backgroundColor: labels.map(function (_, i) { return unknown[i] ? unknownColour : colours[i % colours.length]; }),
                }],
            },
            options: {
                animation: false,
                plugins: {
                    legend: { display: false },
                    tooltip: { callbacks: { label: function (c) { return format(c.parsed.y); } } },
                },
                scales: { y: { beginAtZero: true, ticks: { callback: format } } },
            },
        });
    });
})();
