// Projected extra calls per day (SPEC §5), drawn with visx as plain SVG on the server: the
// chart shows without JavaScript, and the chart library stays out of the pages' scripts.
// The SVG scales to the page through its viewBox; a narrow drawing, with larger type and fewer
// dates, replaces the wide one on phones (portal.css), where the wide one's text would shrink
// below reading size. No `style` attribute anywhere: the Content-Security-Policy (style-src
// 'self') blocks inline styles, which is why visx's own <Text> (it sets one) is not used.
import { AxisBottom, AxisLeft, type TickRendererProps } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar, LinePath } from "@visx/shape";
import { renderToStaticMarkup } from "react-dom/server";
import type { DailyCalls } from "~/analysis/callProjection";
import { formatCount, formatDate } from "~/format";

import { DAILY_CALLS_CAPTION } from "./chartCaption";

interface Layout {
  name: "wide" | "narrow";
  width: number;
  height: number;
  fontSize: number;
  /** Date labels under the bars; more would overlap. */
  dateLabels: number;
}

const WIDE: Layout = { name: "wide", width: 760, height: 260, fontSize: 12, dateLabels: 8 };
const NARROW: Layout = { name: "narrow", width: 360, height: 240, fontSize: 14, dateLabels: 3 };

// USWDS primary blue on white: 7.1:1, above the 3:1 WCAG asks of graphics (1.4.11).
const BAR_COLOUR = "#005ea2";
const INK = "#1b1b1b";
// Actual calls (issue 19): USWDS orange-60v on white, 4.9:1, and a line with dots, so that the
// two series differ in shape as well as colour (WCAG 1.4.1).
const ACTUAL_COLOUR = "#c05600";

/** "Dec 10", from "Thu, Dec 10, 2026": the year and weekday would crowd the axis. */
const monthDay = (date: string) => formatDate(date).split(", ")[1] ?? date;

function tickLabel(anchor: "end" | "middle", fontSize: number, dy: number) {
  return function TickLabel({ x, y, formattedValue }: TickRendererProps) {
    return (
      <text x={x} y={y} dy={dy} textAnchor={anchor} fontSize={fontSize} fill={INK}>
        {formattedValue}
      </text>
    );
  };
}

/** A day's actual calls beside the forecast; null where the imports do not reach yet. */
export type ActualSeries = Array<number | null>;

function DailyCallsSvg({ daily, actual, layout }: { daily: DailyCalls[]; actual?: ActualSeries; layout: Layout }) {
  const { width, height, fontSize } = layout;
  const margin = { top: 12, right: 16 + fontSize, bottom: 24 + 2 * fontSize, left: 24 + 3 * fontSize };
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const dates = daily.map((d) => d.date);
  const x = scaleBand<string>({ domain: dates, range: [0, innerWidth], padding: 0.15 });
  const peak = Math.max(1, ...daily.map((d) => d.calls), ...(actual ?? []).map((n) => n ?? 0));
  const y = scaleLinear<number>({ domain: [0, peak], range: [innerHeight, 0], nice: true });
  const every = Math.max(1, Math.ceil(dates.length / layout.dateLabels));
  const total = daily.reduce((s, d) => s + d.calls, 0);
  const titleId = `daily-calls-title-${layout.name}`;
  const actualPoints = actual ? daily.flatMap((d, i) => (actual[i] === null || actual[i] === undefined ? [] : [{ date: d.date, calls: actual[i] }])) : [];
  const actualTotal = actualPoints.reduce((s, p) => s + p.calls, 0);
  const middle = (date: string) => (x(date) ?? 0) + x.bandwidth() / 2;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={titleId}
      className={`portal-chart__${layout.name}`}
      data-testid={layout.name === "wide" ? "daily-calls-chart" : "daily-calls-chart-narrow"}
    >
      <title id={titleId}>
        {actual
          ? `Projected calls (bars) against actual calls (line): ${formatCount(total)} projected over ${daily.length} days; ${formatCount(actualTotal)} actual over the ${actualPoints.length} days imported. The table below gives each day.`
          : `${DAILY_CALLS_CAPTION}: ${formatCount(total)} calls over ${daily.length} days, at most ${formatCount(peak)} a day. The table below gives each day.`}
      </title>
      <Group left={margin.left} top={margin.top}>
        {daily.map((d) => (
          <Bar key={d.date} x={x(d.date) ?? 0} y={y(d.calls)} width={x.bandwidth()} height={innerHeight - y(d.calls)} fill={BAR_COLOUR} />
        ))}
        {actualPoints.length > 0 ? (
          <>
            <LinePath data={actualPoints} x={(p) => middle(p.date)} y={(p) => y(p.calls)} stroke={ACTUAL_COLOUR} strokeWidth={2} />
            {actualPoints.map((p) => (
              <circle key={p.date} cx={middle(p.date)} cy={y(p.calls)} r={3} fill={ACTUAL_COLOUR} data-testid="actual-point" />
            ))}
          </>
        ) : null}
        {actual ? (
          <g transform={`translate(${innerWidth - 9 * fontSize}, 0)`} aria-hidden="true">
            <rect width={fontSize} height={fontSize} fill={BAR_COLOUR} />
            <text x={fontSize * 1.4} y={fontSize * 0.9} fontSize={fontSize} fill={INK}>
              Projected
            </text>
            <line x1={0} x2={fontSize} y1={fontSize * 2} y2={fontSize * 2} stroke={ACTUAL_COLOUR} strokeWidth={2} />
            <circle cx={fontSize / 2} cy={fontSize * 2} r={3} fill={ACTUAL_COLOUR} />
            <text x={fontSize * 1.4} y={fontSize * 2.35} fontSize={fontSize} fill={INK}>
              Actual
            </text>
          </g>
        ) : null}
        <AxisLeft scale={y} numTicks={5} stroke={INK} tickStroke={INK} tickFormat={(n) => formatCount(Number(n))} tickComponent={tickLabel("end", fontSize, fontSize / 3)} />
        <text transform={`translate(${-margin.left + fontSize}, ${innerHeight / 2}) rotate(-90)`} textAnchor="middle" fontSize={fontSize} fill={INK}>
          Calls
        </text>
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickValues={dates.filter((_, i) => i % every === 0)}
          tickFormat={monthDay}
          stroke={INK}
          tickStroke={INK}
          tickComponent={tickLabel("middle", fontSize, fontSize / 3)}
        />
        <text x={innerWidth / 2} y={innerHeight + 18 + 2 * fontSize} textAnchor="middle" fontSize={fontSize} fill={INK}>
          Date
        </text>
      </Group>
    </svg>
  );
}

/** The chart as SVG markup, wide and narrow; React escapes every value in it. */
export function dailyCallsSvg(daily: DailyCalls[], actual?: ActualSeries): string {
  return renderToStaticMarkup(
    <>
      <DailyCallsSvg daily={daily} actual={actual} layout={WIDE} />
      <DailyCallsSvg daily={daily} actual={actual} layout={NARROW} />
    </>,
  );
}

/** A projection with its chart drawn, ready for a page. */
export function withChart<T extends { daily: DailyCalls[] }>(projection: T): T & { chartSvg: string } {
  return { ...projection, chartSvg: dailyCallsSvg(projection.daily) };
}
