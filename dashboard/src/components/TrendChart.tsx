import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TrendPoint } from '../api/views.ts';
import { percent } from '../format/numbers.ts';
import { seriesValues, shortDay, TREND_SERIES } from './trend-series.ts';

type ChartModule = typeof import('./chart-setup.ts');
let chartModule: Promise<ChartModule> | undefined;
const loadChart = (): Promise<ChartModule> => (chartModule ??= import('./chart-setup.ts'));

/**
 * Completion over the stored daily runs. Chart.js is a separate chunk fetched once the first
 * trend is on the page, so the overview's figures are on screen before the library arrives;
 * each chart is drawn when it scrolls into view.
 */
export function TrendChart({ points, title }: { points: readonly TrendPoint[]; title: string }): JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);
  const drawable = points.length >= 2;
  useEffect(() => {
    if (drawable) void loadChart();
  }, [drawable]);
  useEffect(() => {
    const element = canvas.current;
    if (element === null || visible) return undefined;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true), { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible]);
  useEffect(() => {
    const element = canvas.current;
    if (!visible || element === null) return undefined;
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void loadChart().then(({ Chart }) => {
      if (cancelled) return;
      chart = new Chart(element, {
        type: 'line',
        data: {
          labels: points.map((p) => shortDay(p.day)),
          datasets: TREND_SERIES.map((s) => ({ label: s.label, data: seriesValues(points, s), borderColor: s.color, backgroundColor: s.color, pointRadius: 2, tension: 0.2 })),
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          interaction: { mode: 'index', intersect: false },
          scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } }, tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${percent(Number(c.parsed.y))}` } } },
        },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [visible, points]);
  if (!drawable) return <p class="muted trend-empty">Chưa đủ số ngày chạy để vẽ xu hướng.</p>;
  return (
    <div class="trend" data-testid="trend-chart">
      <canvas ref={canvas} role="img" aria-label={trendSummary(points, title)} />
    </div>
  );
}

function trendSummary(points: readonly TrendPoint[], title: string): string {
  const done = TREND_SERIES[0];
  const first = points[0];
  const last = points[points.length - 1];
  if (done === undefined || first === undefined || last === undefined) return title;
  const values = seriesValues([first, last], done);
  return `Xu hướng ${title}: tỉ lệ đơn vị đạt từ ${percent(values[0] ?? 0)} ngày ${shortDay(first.day)} đến ${percent(values[1] ?? 0)} ngày ${shortDay(last.day)}`;
}
