import { describe, expect, it } from "vitest";
import { DEFAULT_MEDIA_TYPE, MEDIA_TYPES, mediaTypeForFileName } from "../../../src/transport/index.js";

describe("mediaTypeForFileName", () => {
  it.each([
    ["IMG_0042.jpg", "image/jpeg"],
    ["IMG_0042.JPEG", "image/jpeg"],
    ["scan.heic", "image/heic"],
    ["statement.pdf", "application/pdf"],
    ["budget.final.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["notes.txt", "text/plain"],
    ["archive.7z", "application/x-7z-compressed"],
    ["clip.mp4", "video/mp4"],
  ])("reads %s as %s", (name, type) => {
    expect(mediaTypeForFileName(name)).toBe(type);
  });

  it.each(["README", "photo.", "a.unknownext", ".jpg.exe", "constructor", "a.toString", "a.__proto__"])(
    "falls back for %s",
    (name) => {
      expect(mediaTypeForFileName(name)).toBe(DEFAULT_MEDIA_TYPE);
    },
  );

  it("keys the table by lower-case extensions without dots", () => {
    for (const extension of Object.keys(MEDIA_TYPES)) expect(extension).toMatch(/^[a-z0-9]+$/);
  });
});
