export { EXIT, main } from './cli';
export { UsageError } from './errors';
export { formatTable } from './format-table';
export { lineOutput } from './line-output';
export { type SystemModule, loadSystemModule, selectSystems } from './load-system';
export type { SkillFigure, SystemChart, SystemResult, SystemRunOptions, SystemRunner } from './system-result';
export { SYSTEMS, type SystemEntry, findSystem } from './systems';
export { type TourOptions, type TourReport, type TourRow, runTour, tourTable } from './tour';
export { type TourSummary, writeTourReport } from './tour-report';
