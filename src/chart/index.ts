export type {
  AchievementHeatmapCell,
  AchievementHeatmapChartOptions,
} from "./achievementHeatmapChart.js";
export { achievementHeatmapChart } from "./achievementHeatmapChart.js";
export type { BridgeBar, BridgeBarKind, BridgeChartOptions } from "./bridgeChart.js";
export { bridgeChart } from "./bridgeChart.js";
export type { BurnUpChartOptions, BurnUpPoint, BurnUpSeries } from "./burnUpChart.js";
export { burnUpChart } from "./burnUpChart.js";
export type { DecompositionCell, DecompositionChartOptions } from "./decompositionChart.js";
export { decompositionChart } from "./decompositionChart.js";
export type { TornadoBar, TornadoChartOptions } from "./tornadoChart.js";
export { tornadoChart } from "./tornadoChart.js";
export type { ChartOptions, VegaLiteSpec } from "./types.js";
