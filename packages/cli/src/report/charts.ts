import { createRequire } from 'node:module';
import { percentInWords } from '@sunshine-rubric/core/words';
import type { EChartsOption } from 'echarts';

/** The palette of the reports' charts: met in green, short in red, targets in blue, thresholds in amber. */
export const chartColours = {
  good: '#1f7a4d',
  bad: '#b42318',
  target: '#2563eb',
  planned: '#7c3aed',
  threshold: '#d97706',
  muted: '#52606d',
} as const;

/**
 * Renders an ECharts option to an SVG string on the server, with ECharts' own SVG renderer in SSR mode (no
 * DOM, no canvas): the chart is in the page as markup, so the report needs no script to show it. ECharts
 * is loaded on first use, so commands that draw no chart start fast.
 */
export function renderChart(option: EChartsOption, width: number, height: number): string {
  const echarts = loadEcharts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontSize: 12 }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

let loaded: typeof import('echarts') | undefined;

/**
 * ECharts' single-file build, through `require`: it loads in about a fifth of the time of its ESM entry,
 * which is hundreds of small modules.
 */
function loadEcharts(): typeof import('echarts') {
  loaded ??= createRequire(import.meta.url)('echarts') as typeof import('echarts');
  return loaded;
}

/** One aspect on the radar: its title and its compliance rate (0 to 1). */
export interface RadarAspect {
  readonly title: string;
  readonly rate: number;
}

/** A radar of the aspects' compliance rates, with the threshold as a dashed ring. */
export function aspectRadarOption(
  aspects: readonly RadarAspect[],
  threshold: number | undefined,
  labels: { readonly rate: string; readonly threshold: string },
): EChartsOption {
  const series: NonNullable<EChartsOption['series']> = [
    {
      type: 'radar',
      symbolSize: 5,
      data: [
        {
          name: labels.rate,
          value: aspects.map((aspect) => round(aspect.rate)),
          areaStyle: { color: 'rgba(37, 99, 235, 0.18)' },
          lineStyle: { color: chartColours.target, width: 2 },
          itemStyle: { color: chartColours.target },
          label: { show: true, formatter: (params) => percentInWords(Number(params.value)), fontSize: 11 },
        },
        ...(threshold === undefined
          ? []
          : [
              {
                name: labels.threshold,
                value: aspects.map(() => threshold),
                symbol: 'none',
                lineStyle: { color: chartColours.threshold, type: 'dashed' as const, width: 1.5 },
                itemStyle: { color: chartColours.threshold },
              },
            ]),
      ],
    },
  ];
  return {
    legend: { bottom: 0, data: threshold === undefined ? [labels.rate] : [labels.rate, labels.threshold] },
    radar: {
      radius: '62%',
      center: ['50%', '48%'],
      indicator: aspects.map((aspect) => ({ name: aspect.title, max: 1, min: 0 })),
      axisName: { color: chartColours.muted, fontSize: 12 },
      splitNumber: 4,
    },
    series,
  };
}

/** One bar: a label and a share, compared with the threshold. */
export interface ShareBar {
  readonly label: string;
  readonly share: number;
}

/** Horizontal bars of compliance rates (overall first) against the threshold, drawn as a vertical line. */
export function thresholdBarsOption(
  bars: readonly ShareBar[],
  threshold: number,
  thresholdLabel: string,
): EChartsOption {
  const ordered = [...bars].reverse();
  return {
    grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { formatter: (value: number) => percentInWords(value) },
    },
    yAxis: { type: 'category', data: ordered.map((bar) => bar.label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barWidth: 16,
        data: ordered.map((bar) => ({
          value: round(bar.share),
          itemStyle: { color: bar.share >= threshold ? chartColours.good : chartColours.bad },
        })),
        label: { show: true, position: 'right', formatter: (params) => percentInWords(Number(params.value)) },
        markLine: {
          symbol: 'none',
          lineStyle: { color: chartColours.threshold, type: 'dashed', width: 2 },
          label: {
            formatter: `${thresholdLabel} ${percentInWords(threshold)}`,
            color: chartColours.threshold,
          },
          data: [{ xAxis: threshold }],
        },
      },
    ],
  };
}

/** One year of a timeline chart; `certified` only for years with certified counts. */
export interface TimelineChartYear {
  readonly year: number;
  readonly target: number;
  readonly plannedCumulative: number;
  readonly certified?: number | undefined;
}

/** Cumulative target and planned quotas as lines, certified estates as bars, per year. */
export function timelineOption(
  years: readonly TimelineChartYear[],
  total: number,
  labels: {
    readonly target: string;
    readonly planned: string;
    readonly certified: string;
    readonly total: string;
  },
): EChartsOption {
  const hasCertified = years.some((year) => year.certified !== undefined);
  const legend = hasCertified
    ? [labels.certified, labels.target, labels.planned]
    : [labels.target, labels.planned];
  return {
    legend: { bottom: 0, data: legend },
    grid: { left: 8, right: 24, top: 36, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: years.map((year) => String(year.year)) },
    yAxis: {
      type: 'value',
      min: 0,
      max: Math.max(total, ...years.map((year) => year.certified ?? 0)),
      minInterval: 1,
    },
    series: [
      ...(hasCertified
        ? [
            {
              type: 'bar' as const,
              name: labels.certified,
              barWidth: '40%',
              itemStyle: { color: chartColours.good },
              label: { show: true, position: 'inside' as const, color: '#fff' },
              data: years.map((year) => year.certified ?? null),
            },
          ]
        : []),
      {
        type: 'line',
        name: labels.target,
        itemStyle: { color: chartColours.target },
        lineStyle: { width: 2 },
        label: { show: true, position: 'bottom', color: chartColours.target },
        data: years.map((year) => year.target),
        markLine: {
          symbol: 'none',
          lineStyle: { color: chartColours.muted, type: 'dotted' },
          label: { formatter: `${labels.total} ${total}`, position: 'insideEndTop' },
          data: [{ yAxis: total }],
        },
      },
      {
        type: 'line',
        name: labels.planned,
        itemStyle: { color: chartColours.planned },
        lineStyle: { type: 'dashed', width: 2 },
        label: { show: true, position: 'top', color: chartColours.planned },
        data: years.map((year) => year.plannedCumulative),
      },
    ],
  };
}

function round(share: number): number {
  return Math.round(share * 10_000) / 10_000;
}
