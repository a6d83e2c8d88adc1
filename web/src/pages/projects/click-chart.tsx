import * as echarts from 'echarts/core'
import { useEffect, useRef } from 'react'
import type { ChartOption } from '../registry/echart'

/**
 * An ECharts chart that reports clicks on its items (a region of the map, a bar). Importing the registry's chart
 * module registers the same chart parts, so the bundle holds them once. The drawing is hidden from assistive
 * technology; every chart has a table with the same numbers and links beside it.
 */
export function ClickChart({
  option,
  label,
  className,
  onSelect,
}: {
  option: ChartOption
  label: string
  className?: string
  onSelect?: (name: string) => void
}) {
  const containerRef = useRef<HTMLDivElement>(null)
  const chartRef = useRef<echarts.ECharts | null>(null)
  const selectRef = useRef(onSelect)
  selectRef.current = onSelect

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const chart = echarts.init(container, undefined, { renderer: 'svg' })
    chartRef.current = chart
    chart.on('click', (params) => {
      if (typeof params.name === 'string') selectRef.current?.(params.name)
    })
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(container)
    return () => {
      observer.disconnect()
      chart.dispose()
      chartRef.current = null
    }
  }, [])

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true })
  }, [option])

  return (
    <div className={className ?? 'chart'} role="img" aria-label={label}>
      <div ref={containerRef} className="chart__canvas" />
    </div>
  )
}
