/**
 * The MIME type of an uploaded flow file, from its file name's extension. The data endpoint gets
 * no MIME type for PhotoPicker/DocumentPicker files, only `file_name`; this table covers the
 * types DocumentPicker's `allowed-mime-types` accepts and the photo formats phones produce.
 */

/**
 * Extension (lower case, without the dot) -> MIME type. Anything else is
 * `application/octet-stream`.
 *
 * | extensions | MIME type |
 * | --- | --- |
 * | jpg, jpeg | image/jpeg |
 * | png, gif, webp, avif, heic, heif, tiff (tif) | image/png, image/gif, ... |
 * | pdf | application/pdf |
 * | doc, docx | application/msword, application/vnd.openxmlformats-officedocument.wordprocessingml.document |
 * | xls, xlsx | application/vnd.ms-excel, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet |
 * | ppt, pptx | application/vnd.ms-powerpoint, application/vnd.openxmlformats-officedocument.presentationml.presentation |
 * | odt, ods, odp | application/vnd.oasis.opendocument.text / .spreadsheet / .presentation |
 * | txt, csv, rtf | text/plain, text/csv, application/rtf |
 * | zip, 7z, gz | application/zip, application/x-7z-compressed, application/gzip |
 * | mp4, mpeg (mpg), 3gp, mov | video/mp4, video/mpeg, video/3gpp, video/quicktime |
 */
export const MEDIA_TYPES: Readonly<Record<string, string>> = Object.freeze({
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  heic: "image/heic",
  heif: "image/heif",
  tif: "image/tiff",
  tiff: "image/tiff",
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
  txt: "text/plain",
  csv: "text/csv",
  rtf: "application/rtf",
  zip: "application/zip",
  "7z": "application/x-7z-compressed",
  gz: "application/gzip",
  mp4: "video/mp4",
  mpeg: "video/mpeg",
  mpg: "video/mpeg",
  "3gp": "video/3gpp",
  mov: "video/quicktime",
});

/** The fallback when the extension is missing or unknown. */
export const DEFAULT_MEDIA_TYPE = "application/octet-stream";

/**
 * The MIME type for `fileName` by its extension (case-insensitive), or `application/octet-stream`.
 *
 * The name comes from the user's phone: treat the result as a hint, not as proof of the content.
 *
 * @example
 * mediaTypeForFileName("IMG_0042.JPG"); // "image/jpeg"
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson/components/media_upload
 */
export function mediaTypeForFileName(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  if (dot < 0 || dot === fileName.length - 1) return DEFAULT_MEDIA_TYPE;
  const extension = fileName.slice(dot + 1).toLowerCase();
  return Object.hasOwn(MEDIA_TYPES, extension) ? (MEDIA_TYPES[extension] as string) : DEFAULT_MEDIA_TYPE;
}
