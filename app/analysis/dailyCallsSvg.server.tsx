// Projected extra calls per day (SPEC §5), drawn with visx as plain SVG on the server: the
// chart shows without JavaScript, and the chart library stays out of the pages' scripts.
// The SVG scales to the page through its viewBox; a narrow drawing, with larger type and fewer
// dates, replaces the wide one on phones (portal.css), where the wide one's text would shrink
// below reading size. No `style` attribute anywhere: the Content-Security-Policy (style-src
// 'self') blocks inline styles, which is why visx's own <Text> (it sets one) is not used.
import { AxisBottom, AxisLeft, type TickRendererProps } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
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

function DailyCallsSvg({ daily, layout }: { daily: DailyCalls[]; layout: Layout }) {
  const { width, height, fontSize } = layout;
  const margin = { top: 12, right: 16 + fontSize, bottom: 24 + 2 * fontSize, left: 24 + 3 * fontSize };
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const dates = daily.map((d) => d.date);
  const x = scaleBand<string>({ domain: dates, range: [0, innerWidth], padding: 0.15 });
  const peak = Math.max(1, ...daily.map((d) => d.calls));
  const y = scaleLinear<number>({ domain: [0, peak], range: [innerHeight, 0], nice: true });
  const every = Math.max(1, Math.ceil(dates.length / layout.dateLabels));
  const total = daily.reduce((s, d) => s + d.calls, 0);
  const titleId = `daily-calls-title-${layout.name}`;
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
        {`${DAILY_CALLS_CAPTION}: ${formatCount(total)} calls over ${daily.length} days, at most ${formatCount(peak)} a day. The table below gives each day.`}
      </title>
      <Group left={margin.left} top={margin.top}>
        {daily.map((d) => (
          <Bar key={d.date} x={x(d.date) ?? 0} y={y(d.calls)} width={x.bandwidth()} height={innerHeight - y(d.calls)} fill={BAR_COLOUR} />
        ))}
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
export function dailyCallsSvg(daily: DailyCalls[]): string {
  return renderToStaticMarkup(
    <>
      <DailyCallsSvg daily={daily} layout={WIDE} />
      <DailyCallsSvg daily={daily} layout={NARROW} />
    </>,
  );
}

/** A projection with its chart drawn, ready for a page. */
export function withChart<T extends { daily: DailyCalls[] }>(projection: T): T & { chartSvg: string } {
  return { ...projection, chartSvg: dailyCallsSvg(projection.daily) };
}
