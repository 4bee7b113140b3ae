export { EXIT, main } from './cli';
export { UsageError } from './errors';
export { formatTable } from './format-table';
export type { SkillFigure, SystemChart, SystemResult, SystemRunOptions, SystemRunner } from './system-result';
export { SYSTEMS, type SystemEntry } from './systems';
export { type TourOptions, type TourReport, type TourRow, runTour, tourTable } from './tour';
