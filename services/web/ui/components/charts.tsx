// Charts drawn as SVG by hand: horizontal bars (grouped or 100 % stacked) and a line chart. Each is an
// image with a title and a description for screen readers; the figures are also in a table beside it.
import { type RefObject, useEffect, useId, useRef, useState } from 'react'

export interface Series {
  key: string
  label: string
  color: string
}

export interface Row {
  label: string
  values: Record<string, number | null>
}

export const PALETTE = {
  blue: '#1d5fa6',
  green: '#2f7d3b',
  teal: '#0f766e',
  amber: '#b45309',
  red: '#b3261e',
  grey: '#6b7280',
}

function Legend({ series }: { series: Series[] }) {
  return (
    <ul className="legend" aria-hidden="true">
      {series.map((s) => (
        <li key={s.key}>
          <span className="swatch" style={{ background: s.color }} />
          {s.label}
        </li>
      ))}
    </ul>
  )
}

/** The drawing is as wide as its box, so that its text keeps the page's size on a phone and on a wall. */
function useWidth(): [RefObject<HTMLElement | null>, number] {
  const ref = useRef<HTMLElement>(null)
  const [width, setWidth] = useState(640)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => setWidth(Math.max(240, Math.floor(el.clientWidth)))
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return [ref, width]
}

const LABEL_H = 18
const BAR_H = 14
const GAP = 4
const GROUP_GAP = 14
const VALUE_W = 70

/** Horizontal grouped bars: one group per row (label above), one bar per series. */
export function BarChart({
  title,
  description,
  series,
  rows,
  max,
  format = String,
}: {
  title: string
  description?: string
  series: Series[]
  rows: Row[]
  /** The value of a full bar (1 for rates); the largest value when absent. */
  max?: number
  format?: (n: number) => string
}) {
  const id = useId()
  const [box, boxWidth] = useWidth()
  const top = Math.max(max ?? 0, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)), 1e-9)
  const groupH = LABEL_H + series.length * (BAR_H + GAP) + GROUP_GAP
  const height = Math.max(groupH * rows.length, 40)
  const plotW = boxWidth - VALUE_W
  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <Legend series={series} />
      <div ref={box as RefObject<HTMLDivElement>} className="chart-box" />
      <svg
        width={boxWidth}
        height={height}
        viewBox={`0 0 ${boxWidth} ${height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>
          {description ??
            rows
              .map(
                (r) =>
                  `${r.label}: ${series.map((s) => `${s.label} ${r.values[s.key] === null ? '—' : format(r.values[s.key] ?? 0)}`).join(', ')}`,
              )
              .join('; ')}
        </desc>
        {rows.map((r, i) => {
          const y0 = i * groupH
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are drawn by position; labels may repeat
            <g key={`${r.label}-${i}`}>
              <text x={0} y={y0 + 13} className="chart-label">
                {r.label}
              </text>
              {series.map((s, j) => {
                const v = r.values[s.key]
                const w = v === null || v === undefined ? 0 : Math.max((v / top) * plotW, v > 0 ? 2 : 0)
                const y = y0 + LABEL_H + j * (BAR_H + GAP)
                return (
                  <g key={s.key}>
                    <rect x={0} y={y} width={plotW} height={BAR_H} className="chart-track" />
                    <rect x={0} y={y} width={w} height={BAR_H} fill={s.color} rx={2} />
                    <text x={Math.min(w + 4, plotW + 4)} y={y + BAR_H - 3} className="chart-value">
                      {v === null || v === undefined ? '—' : format(v)}
                    </text>
                  </g>
                )
              })}
            </g>
          )
        })}
      </svg>
    </figure>
  )
}

/** One 100 % bar per row, split between the series (shares of a whole, e.g. satisfaction). */
export function StackedBarChart({
  title,
  series,
  rows,
  format,
}: {
  title: string
  series: Series[]
  rows: Row[]
  format: (ratio: number) => string
}) {
  const id = useId()
  const [box, boxWidth] = useWidth()
  const groupH = LABEL_H + BAR_H + GROUP_GAP
  const height = Math.max(groupH * rows.length, 40)
  const plotW = boxWidth - VALUE_W
  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <Legend series={series} />
      <div ref={box as RefObject<HTMLDivElement>} className="chart-box" />
      <svg
        width={boxWidth}
        height={height}
        viewBox={`0 0 ${boxWidth} ${height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>
          {rows
            .map((r) => {
              const total = series.reduce((a, s) => a + (r.values[s.key] ?? 0), 0)
              return `${r.label}: ${series.map((s) => `${s.label} ${total ? format((r.values[s.key] ?? 0) / total) : '—'}`).join(', ')}`
            })
            .join('; ')}
        </desc>
        {rows.map((r, i) => {
          const y0 = i * groupH
          const total = series.reduce((a, s) => a + (r.values[s.key] ?? 0), 0)
          let x = 0
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are drawn by position; labels may repeat
            <g key={`${r.label}-${i}`}>
              <text x={0} y={y0 + 13} className="chart-label">
                {r.label}
              </text>
              <rect x={0} y={y0 + LABEL_H} width={plotW} height={BAR_H} className="chart-track" />
              {total > 0 &&
                series.map((s) => {
                  const w = ((r.values[s.key] ?? 0) / total) * plotW
                  const rect = (
                    <rect key={s.key} x={x} y={y0 + LABEL_H} width={w} height={BAR_H} fill={s.color} />
                  )
                  x += w
                  return rect
                })}
              <text x={plotW + 4} y={y0 + LABEL_H + BAR_H - 3} className="chart-value">
                {total}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}

/** Lines over ordered points (months). */
export function LineChart({ title, series, points }: { title: string; series: Series[]; points: Row[] }) {
  const id = useId()
  const [box, boxWidth] = useWidth()
  const H = 240
  const left = 40
  const right = 28
  const topPad = 12
  const bottom = 28
  const plotW = boxWidth - left - right
  const plotH = H - topPad - bottom
  const maxV = Math.max(1, ...points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0)))
  const step = niceStep(maxV)
  const yMax = Math.ceil(maxV / step) * step
  const ticks: number[] = []
  for (let v = 0; v <= yMax; v += step) ticks.push(v)
  const x = (i: number) => left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW)
  const y = (v: number) => topPad + plotH - (v / yMax) * plotH
  const labelEvery = Math.max(1, Math.ceil(points.length / Math.max(2, Math.floor(boxWidth / 80))))
  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <Legend series={series} />
      <div ref={box as RefObject<HTMLDivElement>} className="chart-box" />
      <svg
        width={boxWidth}
        height={H}
        viewBox={`0 0 ${boxWidth} ${H}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>
          {points
            .map((p) => `${p.label}: ${series.map((s) => `${s.label} ${p.values[s.key] ?? 0}`).join(', ')}`)
            .join('; ')}
        </desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={boxWidth - right} y1={y(v)} y2={y(v)} className="chart-gridline" />
            <text x={left - 6} y={y(v) + 4} textAnchor="end" className="chart-axis">
              {v}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          // every labelEvery-th month, counted back from the latest, which is always named
          (points.length - 1 - i) % labelEvery === 0 ? (
            <text
              key={p.label}
              x={x(i)}
              y={H - 8}
              textAnchor={i === points.length - 1 && points.length > 1 ? 'end' : i === 0 ? 'start' : 'middle'}
              className="chart-axis"
            >
              {p.label}
            </text>
          ) : null,
        )}
        {series.map((s) => (
          <g key={s.key}>
            <polyline
              fill="none"
              stroke={s.color}
              strokeWidth={2.5}
              points={points.map((p, i) => `${x(i)},${y(p.values[s.key] ?? 0)}`).join(' ')}
            />
            {points.map((p, i) => (
              <circle key={p.label} cx={x(i)} cy={y(p.values[s.key] ?? 0)} r={3.5} fill={s.color} />
            ))}
          </g>
        ))}
      </svg>
    </figure>
  )
}

function niceStep(max: number): number {
  const raw = max / 4
  const mag = 10 ** Math.floor(Math.log10(raw))
  const n = raw / mag
  const nice = n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10
  return Math.max(1, nice * mag)
}
