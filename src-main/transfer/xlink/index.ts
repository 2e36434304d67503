/**
 * Xlink's isps_ul.ini, both ways, as pure functions: planXlinkImport reads the file (and its
 * acd_map.ini) into planned systems and integrations; buildXlinkIni writes one for sites that
 * still run Xlink. Neither touches the workspace or the file system.
 */
export { planXlinkImport } from './read/plan-xlink-import';
export { buildXlinkIni } from './write/build-xlink-ini';
export { XlinkFileError } from './xlink-file-error';
export type {
  XlinkExportOptions,
  XlinkExportResult,
  XlinkExportSystem,
  XlinkPlanInput,
  XlinkPlanResult,
  XlinkSystemPlan,
} from './xlink-types';
