/**
 * The file is not a usable isps_ul.ini (or acd_map.ini) at all: binary, truncated, hostile or too
 * big. The message names the file, the problem and, when there is one, the line. Nothing is
 * imported when it is thrown.
 */
export class XlinkFileError extends Error {
  override readonly name = 'XlinkFileError';
}
