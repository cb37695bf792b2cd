// Draws each programme chart from the numbers the page already shows in its table.
(function () {
    if (typeof Chart === "undefined") return;
    const colours = ["#0b5c3b", "#2f7d5c", "#4f9b7c", "#7bb89e", "#a8d3c0", "#d2ebe0", "#0a4f8f", "#3a77b0", "#6b9fd0"];
    document.querySelectorAll("canvas[data-labels]").forEach(function (canvas) {
        const labels = JSON.parse(canvas.dataset.labels);
        const values = JSON.parse(canvas.dataset.values);
        new Chart(canvas, {
            type: "bar",
            data: { labels: labels, datasets: [{ data: values, backgroundColor: labels.map(function (_, i) { return colours[i % colours.length]; }) }] },
            options: {
                animation: false,
                plugins: { legend: { display: false } },
                scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return Number(v).toLocaleString("lt-LT"); } } } },
            },
        });
    });
})();
