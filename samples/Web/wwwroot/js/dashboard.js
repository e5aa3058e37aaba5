// Draws the dashboard's charts with Chart.js from the JSON the server embedded in the page. No figure is computed here.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  const byId = (list, id) => list.find(x => x.id === id);
  const mark = (canvas, points) => { canvas.dataset.points = String(points); canvas.dataset.drawn = 'true'; };
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  document.querySelectorAll('canvas[data-chart="trend"]').forEach(canvas => {
    const t = byId(data.trends, canvas.dataset.id);
    const datasets = [
      { label: 'upper 95%', data: t.upper, borderWidth: 0, pointRadius: 0, fill: '+1', backgroundColor: 'rgba(29,112,184,0.18)' },
      { label: 'lower 95%', data: t.lower, borderWidth: 0, pointRadius: 0, fill: false },
      { label: t.title, data: t.values, borderColor: '#1d70b8', backgroundColor: '#1d70b8', spanGaps: false },
    ];
    if (t.comparatorName) {
      datasets.push({ label: t.comparatorName, data: t.comparator, borderColor: '#d4351c', borderDash: [6, 4], pointRadius: 0, spanGaps: true });
    }
    new Chart(canvas, { type: 'line', data: { labels: t.labels, datasets },
      options: { plugins: { legend: { labels: { filter: i => !i.text.endsWith('95%') } } }, scales: { y: { beginAtZero: true } } } });
    mark(canvas, t.values.filter(v => v !== null).length);
  });

  document.querySelectorAll('canvas[data-chart="funnel"]').forEach(canvas => {
    const f = byId(data.funnels, canvas.dataset.id);
    new Chart(canvas, { type: 'bar', data: { labels: f.labels, datasets: [{ label: 'children', data: f.values, backgroundColor: '#00703c' }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } } } });
    mark(canvas, f.values.filter(v => v !== null).length);
  });

  // The ranked bars carry their 95% interval as floating bars behind, and parity (1.0) as a vertical line.
  const parity = {
    id: 'parity',
    afterDatasetsDraw(chart) {
      const x = chart.scales.x.getPixelForValue(1);
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save(); ctx.strokeStyle = '#0b0c0c'; ctx.lineWidth = 2; ctx.setLineDash([4, 3]);
      ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, bottom); ctx.stroke(); ctx.restore();
    },
  };
  document.querySelectorAll('canvas[data-chart="rri"]').forEach(canvas => {
    const d = byId(data.disparities, canvas.dataset.id);
    const intervals = d.lower.map((lo, i) => (lo === null || d.upper[i] === null) ? null : [lo, d.upper[i]]);
    new Chart(canvas, { type: 'bar', plugins: [parity],
      data: { labels: d.labels, datasets: [
        { label: 'relative rate index', data: d.values, backgroundColor: '#4c2c92', barPercentage: 0.5, grouped: false, order: 1 },
        { label: '95% interval', data: intervals, backgroundColor: 'rgba(76,44,146,0.2)', barPercentage: 0.9, grouped: false, order: 2 },
      ] },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true, suggestedMax: 2 } } } });
    mark(canvas, d.values.filter(v => v !== null).length);
  });
  document.body.dataset.chartsDrawn = 'true';
})();
