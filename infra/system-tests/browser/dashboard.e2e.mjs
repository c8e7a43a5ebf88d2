// The month-end dashboard on a running system, for the docs. Grafana itself cannot be installed on the build machines
// (it is in none of the registries they reach), so this script draws the dashboard's own definition
// (infra/docker/grafana/dashboards/month-end.json: its panels, their grid positions, queries and legends) with the
// data a real Prometheus scraped from the running services. docker-compose shows the same file in Grafana.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openBrowser, screenshot } from './console.mjs';

const prometheus = process.env.PROMETHEUS_URL;
const dashboard = JSON.parse(readFileSync(process.env.DASHBOARD, 'utf8'));
const COLOURS = ['#3274d9', '#e0752d', '#56a64b', '#b877d9', '#f2cc0c', '#8ab8ff', '#ff7383', '#2ea2a8'];

async function series(expr, start, end) {
  const url = `${prometheus}/api/v1/query_range?query=${encodeURIComponent(expr)}&start=${start}&end=${end}&step=5`;
  const answer = await (await fetch(url)).json();
  assert.equal(answer.status, 'success', `${expr}: ${JSON.stringify(answer)}`);
  return answer.data.result;
}

function legend(format, labels) {
  return (format || '{{__name__}}').replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => labels[name] ?? '');
}

function chart(lines, width, height) {
  const points = lines.flatMap((l) => l.values);
  if (points.length === 0) return '<div class="empty">no data</div>';
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(0, ...ys), Math.max(...ys) || 1];
  const sx = (x) => 40 + ((x - x0) / (x1 - x0 || 1)) * (width - 50);
  const sy = (y) => height - 20 - ((y - y0) / (y1 - y0 || 1)) * (height - 30);
  const paths = lines.map((l, i) => `<polyline fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2" points="${
    l.values.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ')}"/>`).join('');
  const label = (v) => (Math.abs(v) >= 1000 ? v.toFixed(0) : +v.toPrecision(3));
  return `<svg width="${width}" height="${height}"><line x1="40" x2="${width - 10}" y1="${sy(y0)}" y2="${sy(y0)}" stroke="#444"/>
    <text x="2" y="14" class="axis">${label(y1)}</text><text x="2" y="${height - 22}" class="axis">${label(y0)}</text>${paths}</svg>`;
}

test('the month-end dashboard, drawn from its definition with the running system\'s metrics', async () => {
  const end = Math.floor(Date.now() / 1000);
  const start = end - 10 * 60;
  const unit = 48; // pixels per grid column (Grafana's grid has 24)
  let html = `<html><head><style>
    body { background: #111217; color: #ccccdc; font-family: Inter, Helvetica, Arial, sans-serif; margin: 0; }
    header { padding: 12px 16px; font-size: 18px; border-bottom: 1px solid #2a2d35; }
    header small { color: #8e8e9e; font-size: 13px; margin-left: 12px; }
    .grid { position: relative; margin: 8px; }
    .panel { position: absolute; overflow: hidden; background: #181b1f; border: 1px solid #2a2d35; border-radius: 3px; box-sizing: border-box; padding: 6px 8px; }
    .panel h2 { font-size: 13px; margin: 0 0 4px; font-weight: 500; }
    .axis { fill: #8e8e9e; font-size: 10px; } .legend { font-size: 11px; display: flex; flex-wrap: wrap; gap: 2px 10px; } .legend span { white-space: nowrap; }
    .empty { color: #8e8e9e; font-size: 12px; padding: 30px; text-align: center; }
  </style></head><body><header>${dashboard.title}<small>last 10 minutes · ${dashboard.description}</small></header><div class="grid">`;
  let drawn = 0;
  for (const panel of dashboard.panels) {
    const { x, y, w, h } = panel.gridPos;
    const lines = [];
    for (const target of panel.targets) {
      for (const result of await series(target.expr, start, end)) {
        // a quantile of a step without runs in the window is NaN: no point, as in Grafana
        const values = result.values.map(([t, v]) => [t, Number(v)]).filter(([, v]) => Number.isFinite(v));
        lines.push({ name: legend(target.legendFormat, result.metric), values });
      }
    }
    if (lines.some((l) => l.values.length > 0)) drawn += 1;
    const width = w * unit - 18;
    const height = h * 30 - 76;
    html += `<div class="panel" style="left:${x * unit}px; top:${y * 30}px; width:${w * unit - 4}px; height:${h * 30 - 4}px">
      <h2>${panel.title}</h2>${chart(lines, width, height)}<div class="legend">${
      lines.slice(0, 8).map((l, i) => `<span><b style="color:${COLOURS[i % COLOURS.length]}">■</b> ${l.name}</span>`).join('')}</div></div>`;
  }
  html += '</div></body></html>';
  assert.ok(drawn >= 8, `panels with data: ${drawn} of ${dashboard.panels.length}`);
  const { browser, page } = await openBrowser();
  try {
    await page.setViewportSize({ width: 24 * 48 + 16, height: 32 * 30 + 60 });
    await page.setContent(html);
    await screenshot(page, 'month-end-dashboard');
  } finally {
    await browser.close();
  }
});
