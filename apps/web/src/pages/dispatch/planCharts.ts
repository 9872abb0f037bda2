import {
  CustomChart,
  type CustomSeriesOption,
  LinesChart,
  type LinesSeriesOption,
  ScatterChart,
  type ScatterSeriesOption,
} from "echarts/charts";
import {
  GeoComponent,
  type GeoComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import * as echarts from "echarts/core";
import outline from "./banan-outline.json";

// The plan's map and timeline need parts the rest of the app does not: they are registered with this page's
// chunk, so the other pages' bundles stay as they are.
echarts.use([
  GeoComponent,
  LinesChart,
  ScatterChart,
  CustomChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
]);

/** The outline's name for ECharts' geo component. */
export const OUTLINE_MAP = "banan-outline";
/** The district itself among its neighbours, drawn a shade darker. */
export const DISTRICT_REGION = "巴南区";

// The file is ECharts' compressed GeoJSON (UTF8Encoding); ECharts 6 decodes it when the map is registered.
echarts.registerMap(OUTLINE_MAP, outline as unknown as Parameters<typeof echarts.registerMap>[1]);

/**
 * The district's outline as a map's geo component: Banan (about 106.44–107.00 E, 29.13–29.77 N) fills the view,
 * its neighbours' edges around it (the outline spans about 1.8° of latitude, the district 0.64°).
 */
export const DISTRICT_GEO = {
  map: OUTLINE_MAP,
  roam: true,
  silent: true,
  center: [106.72, 29.45],
  zoom: 2.5,
  label: { show: false },
  itemStyle: { areaColor: "#fafafa", borderColor: "#bfbfbf" },
  regions: [{ name: DISTRICT_REGION, itemStyle: { areaColor: "#f0f5ff", borderColor: "#597ef7" } }],
} satisfies GeoComponentOption;

export type MapOption = echarts.ComposeOption<
  | GeoComponentOption
  | LinesSeriesOption
  | ScatterSeriesOption
  | TooltipComponentOption
  | LegendComponentOption
>;

export type TimelineOption = echarts.ComposeOption<
  | CustomSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
>;

export { echarts };
