import type { BarSeriesOption, MapSeriesOption } from 'echarts/charts'
import { BarChart, MapChart } from 'echarts/charts'
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components'
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// Only the parts the dashboard draws, so the bundle carries no unused chart types. SVG rather than canvas:
// crisp at any zoom, and text in the chart stays text for the browser's find and translation.
echarts.use([BarChart, MapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer])

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | MapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>

/** Registers the regions' outlines once per page load under `name`. */
export function registerMapOnce(name: string, geoJson: unknown) {
  if (!echarts.getMap(name)) echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1])
}

/**
 * One ECharts chart. The drawing is hidden from assistive technology: each chart on the page has a
 * summary in `label` and a table with the same numbers beside it.
 */
export function EChart({ option, label, className }: { option: ChartOption; label: string; className?: string }) {
  const containerRef = useRef<HTMLDivElement>(null)
  const chartRef = useRef<echarts.ECharts | null>(null)

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const chart = echarts.init(container, undefined, { renderer: 'svg' })
    chartRef.current = chart
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(container)
    return () => {
      observer.disconnect()
      chart.dispose()
      chartRef.current = null
    }
  }, [])

  useEffect(() => {
    // notMerge: a new language or year replaces the whole picture rather than blending into the old one.
    chartRef.current?.setOption(option, { notMerge: true })
  }, [option])

  return (
    <div className={className ?? 'chart'} role="img" aria-label={label}>
      <div ref={containerRef} className="chart__canvas" />
    </div>
  )
}
