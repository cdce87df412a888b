// A bar chart (Chart.js, only the bar parts registered) that screen readers and keyboard users
// get as a table: the canvas is an image with a summary, the numbers are one click away.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface Series {
  label: string;
  values: number[];
}

// Colour-blind-safe (Okabe-Ito) and at least 3:1 against white.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'];

export function BarChart(props: { id: string; title: string; labels: string[]; series: Series[]; horizontal?: boolean; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Nothing counted yet: an axis from 0 to 1 with no bars would read as a broken chart.
  const empty = props.series.every((s) => s.values.every((v) => !v));
  useEffect(() => {
    if (!canvas.current || empty) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: props.labels,
        datasets: props.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: COLOURS[i % COLOURS.length] })),
      },
      options: {
        indexAxis: props.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: props.series.length > 1, position: 'bottom' } },
        scales: { [props.horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [props.labels.join('|'), JSON.stringify(props.series), props.horizontal, empty]);
  if (empty) {
    return (
      <figure class="chart" aria-labelledby={`${props.id}-title`}>
        <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
        <p class="chart-empty muted">No data yet.</p>
      </figure>
    );
  }
  const summary = props.series.map((s) => `${s.label}: ${props.labels.map((l, i) => `${l} ${s.values[i] ?? 0}`).join(', ')}`).join('; ');
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      <div class="chart-canvas" style={{ height: `${props.height ?? 240}px` }}>
        <canvas ref={canvas} role="img" aria-label={`${props.title}. ${summary}`} />
      </div>
      <details>
        <summary>Show the numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{props.horizontal ? 'Category' : 'Label'}</th>
              {props.series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.labels.map((l, i) => (
              <tr key={l}>
                <th scope="row">{l}</th>
                {props.series.map((s) => (
                  <td key={s.label}>{s.values[i] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
