// Draws the insight page's charts from its JSON data block with Chart.js (served by our own server).
(function () {
  "use strict";
  var el = document.getElementById("insight-data");
  if (!el || typeof window.Chart === "undefined") return;
  var data = JSON.parse(el.textContent || "{}");
  var palette = ["#0b5394", "#a86400", "#1e6b34", "#8a1c1c", "#5b2a86", "#00707a", "#6b7280", "#b0457b"];
  window.Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  window.Chart.defaults.color = "#1b1f24";
  window.Chart.defaults.animation = false;

  var weeks = Array.from(
    new Set(
      data.byWeek.map(function (r) {
        return r.week;
      }),
    ),
  ).sort();
  var totals = {};
  data.byWeek.forEach(function (r) {
    totals[r.intent] = (totals[r.intent] || 0) + r.n;
  });
  var top = Object.keys(totals)
    .sort(function (a, b) {
      return totals[b] - totals[a];
    })
    .slice(0, 7);
  var datasets = top.map(function (intent, i) {
    return {
      label: intent,
      backgroundColor: palette[i % palette.length],
      data: weeks.map(function (w) {
        var row = data.byWeek.find(function (r) {
          return r.week === w && r.intent === intent;
        });
        return row ? row.n : 0;
      }),
    };
  });
  var charts = [];
  charts.push(
    new window.Chart(document.getElementById("chart-weeks"), {
      type: "bar",
      data: { labels: weeks, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
  );
  charts.push(
    new window.Chart(document.getElementById("chart-channels"), {
      type: "doughnut",
      data: {
        labels: data.byChannel.map(function (r) {
          return r.label;
        }),
        datasets: [
          {
            data: data.byChannel.map(function (r) {
              return r.n;
            }),
            backgroundColor: palette,
          },
        ],
      },
      options: { responsive: true, maintainAspectRatio: false },
    }),
  );
  charts.push(
    new window.Chart(document.getElementById("chart-schools"), {
      type: "bar",
      data: {
        labels: data.bySchool.map(function (r) {
          return r.label;
        }),
        datasets: [
          {
            label: data.labels.tickets,
            backgroundColor: palette[0],
            data: data.bySchool.map(function (r) {
              return r.tickets;
            }),
          },
          {
            label: data.labels.open,
            backgroundColor: palette[1],
            data: data.bySchool.map(function (r) {
              return r.open;
            }),
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: "y",
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
  );
  // Lets the browser test (and anyone curious) see that every chart was drawn.
  document.documentElement.setAttribute("data-charts-drawn", String(charts.length));
})();
