// Projected extra calls per day (SPEC §5), drawn with visx as plain SVG on the server: the
// chart shows without JavaScript, and the chart library stays out of the pages' scripts.
// The SVG scales to the page through its viewBox.
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { renderToStaticMarkup } from "react-dom/server";
import type { DailyCalls } from "~/analysis/callProjection";
import { formatCount } from "~/format";

import { DAILY_CALLS_CAPTION } from "./chartCaption";

const WIDTH = 760;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 16, bottom: 48, left: 56 };
/** Date labels under the bars; more would overlap. */
const MAX_DATE_LABELS = 8;
// USWDS primary blue on white: 7.1:1, above the 3:1 WCAG asks of graphics (1.4.11).
const BAR_COLOUR = "#005ea2";
const INK = "#1b1b1b";

function DailyCallsSvg({ daily }: { daily: DailyCalls[] }) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const dates = daily.map((d) => d.date);
  const x = scaleBand<string>({ domain: dates, range: [0, innerWidth], padding: 0.15 });
  const peak = Math.max(1, ...daily.map((d) => d.calls));
  const y = scaleLinear<number>({ domain: [0, peak], range: [innerHeight, 0], nice: true });
  const every = Math.max(1, Math.ceil(dates.length / MAX_DATE_LABELS));
  const total = daily.reduce((s, d) => s + d.calls, 0);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby="daily-calls-title" data-testid="daily-calls-chart">
      <title id="daily-calls-title">
        {`${DAILY_CALLS_CAPTION}: ${formatCount(total)} calls over ${daily.length} days, at most ${formatCount(peak)} a day. The table below gives each day.`}
      </title>
      <Group left={MARGIN.left} top={MARGIN.top}>
        {daily.map((d) => (
          <Bar key={d.date} x={x(d.date) ?? 0} y={y(d.calls)} width={x.bandwidth()} height={innerHeight - y(d.calls)} fill={BAR_COLOUR} />
        ))}
        <AxisLeft scale={y} numTicks={5} stroke={INK} tickStroke={INK} tickLabelProps={{ fill: INK, fontSize: 12 }} label="Calls" labelProps={{ fill: INK, fontSize: 12 }} />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickValues={dates.filter((_, i) => i % every === 0)}
          tickFormat={(date) => date.slice(5)}
          stroke={INK}
          tickStroke={INK}
          tickLabelProps={{ fill: INK, fontSize: 12, textAnchor: "middle" }}
          label="Date (month-day)"
          labelProps={{ fill: INK, fontSize: 12, textAnchor: "middle" }}
        />
      </Group>
    </svg>
  );
}

/** The chart as SVG markup; React escapes every value in it. */
export function dailyCallsSvg(daily: DailyCalls[]): string {
  return renderToStaticMarkup(<DailyCallsSvg daily={daily} />);
}

/** A projection with its chart drawn, ready for a page. */
export function withChart<T extends { daily: DailyCalls[] }>(projection: T): T & { chartSvg: string } {
  return { ...projection, chartSvg: dailyCallsSvg(projection.daily) };
}
