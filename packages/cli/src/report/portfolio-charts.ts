import type { EChartsOption } from 'echarts';
import { amount } from '../text/portfolio-text.js';
import { chartColours } from './charts.js';

/** One year of the cost chart: what the plan spends, and the budget when there is one. */
export interface CostChartYear {
  readonly year: number;
  readonly cost: number;
  readonly budget?: number | undefined;
}

/**
 * Cost per year as bars (red where a year's cost exceeds its budget), with each year's budget as a dashed
 * line when budgets are given. Amounts are labelled in full, grouped by thousands.
 */
export function costPerYearOption(
  years: readonly CostChartYear[],
  labels: { readonly cost: string; readonly budget: string },
): EChartsOption {
  const hasBudget = years.some((year) => year.budget !== undefined);
  return {
    legend: { bottom: 0, data: hasBudget ? [labels.cost, labels.budget] : [labels.cost] },
    grid: { left: 8, right: 24, top: 36, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: years.map((year) => String(year.year)) },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (value: number) => amount(value) } },
    series: [
      {
        type: 'bar',
        name: labels.cost,
        barWidth: '40%',
        itemStyle: { color: chartColours.target },
        label: { show: true, position: 'top', formatter: (params) => amount(Number(params.value)) },
        data: years.map((year) => ({
          value: year.cost,
          itemStyle: {
            color:
              year.budget !== undefined && year.cost > year.budget ? chartColours.bad : chartColours.target,
          },
        })),
      },
      ...(hasBudget
        ? [
            {
              type: 'line' as const,
              name: labels.budget,
              itemStyle: { color: chartColours.threshold },
              lineStyle: { type: 'dashed' as const, width: 2 },
              data: years.map((year) => year.budget ?? null),
            },
          ]
        : []),
    ],
  };
}

/** One year of the quota chart: the plan's cumulative target and what the portfolio plan puts forward. */
export interface QuotaChartYear {
  readonly year: number;
  readonly target: number;
  readonly putForward: number;
  readonly cumulative: number;
}

/** Estates put forward each year as bars, their running total and the plan's cumulative target as lines. */
export function quotaPerYearOption(
  years: readonly QuotaChartYear[],
  total: number,
  labels: {
    readonly target: string;
    readonly putForward: string;
    readonly cumulative: string;
    readonly total: string;
  },
): EChartsOption {
  return {
    legend: { bottom: 0, data: [labels.putForward, labels.cumulative, labels.target] },
    grid: { left: 8, right: 24, top: 36, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: years.map((year) => String(year.year)) },
    yAxis: {
      type: 'value',
      min: 0,
      max: Math.max(total, ...years.map((year) => year.cumulative)),
      minInterval: 1,
    },
    series: [
      {
        type: 'bar',
        name: labels.putForward,
        barWidth: '40%',
        itemStyle: { color: chartColours.good },
        label: { show: true, position: 'inside', color: '#fff' },
        data: years.map((year) => year.putForward),
      },
      {
        type: 'line',
        name: labels.cumulative,
        itemStyle: { color: chartColours.planned },
        lineStyle: { width: 2 },
        label: { show: true, position: 'top', color: chartColours.planned },
        data: years.map((year) => year.cumulative),
      },
      {
        type: 'line',
        name: labels.target,
        itemStyle: { color: chartColours.target },
        lineStyle: { type: 'dashed', width: 2 },
        label: { show: true, position: 'bottom', color: chartColours.target },
        data: years.map((year) => year.target),
        markLine: {
          symbol: 'none',
          lineStyle: { color: chartColours.muted, type: 'dotted' },
          label: { formatter: `${labels.total} ${total}`, position: 'insideEndTop' },
          data: [{ yAxis: total }],
        },
      },
    ],
  };
}
