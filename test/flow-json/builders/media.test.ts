import { describe, expect, it } from "vitest";
import { documentPicker, image, imageCarousel, photoPicker } from "../../../src/flow-json/builders/media.js";
import { dataRef } from "../../../src/flow-json/refs.js";

describe("image", () => {
  it("writes scale type, aspect ratio and alt text in kebab-case", () => {
    expect(
      image({
        src: "iVBORw0KGgo=",
        width: 200,
        height: 100,
        scaleType: "cover",
        aspectRatio: 2,
        altText: "Shop",
      }),
    ).toStrictEqual({
      type: "Image",
      src: "iVBORw0KGgo=",
      width: 200,
      height: 100,
      "scale-type": "cover",
      "aspect-ratio": 2,
      "alt-text": "Shop",
    });
  });

  it("binds the source to a data ref", () => {
    expect(image({ src: dataRef<string>("photo") })).toStrictEqual({ type: "Image", src: "${data.photo}" });
  });
});

describe("imageCarousel", () => {
  it("writes each image's alt text in kebab-case", () => {
    expect(
      imageCarousel({
        images: [
          { src: "AAA=", altText: "Front" },
          { src: "BBB=", altText: "Back" },
        ],
        aspectRatio: "16:9",
        scaleType: "contain",
      }),
    ).toStrictEqual({
      type: "ImageCarousel",
      images: [
        { src: "AAA=", "alt-text": "Front" },
        { src: "BBB=", "alt-text": "Back" },
      ],
      "aspect-ratio": "16:9",
      "scale-type": "contain",
    });
  });

  it("binds the images to a data ref", () => {
    const images = dataRef<readonly { readonly src: string; readonly "alt-text": string }[]>("images");
    expect(imageCarousel({ images })).toStrictEqual({ type: "ImageCarousel", images: "${data.images}" });
  });
});

describe("pickers", () => {
  it("write PhotoPicker limits", () => {
    const photos = photoPicker({
      name: "photo_picker",
      label: "Upload photos",
      description: "Please attach images",
      photoSource: "camera_gallery",
      minUploadedPhotos: 1,
      maxUploadedPhotos: 10,
      maxFileSizeKb: 10240,
    });
    expect(photos).toStrictEqual({
      type: "PhotoPicker",
      name: "photo_picker",
      label: "Upload photos",
      description: "Please attach images",
      "photo-source": "camera_gallery",
      "min-uploaded-photos": 1,
      "max-uploaded-photos": 10,
      "max-file-size-kb": 10240,
    });
    expect(String(photos.ref)).toBe("${form.photo_picker}");
  });

  it("write DocumentPicker limits and a per-media error map", () => {
    expect(
      documentPicker({
        name: "contract",
        label: "Contract",
        allowedMimeTypes: ["application/pdf"],
        minUploadedDocuments: 0,
        maxUploadedDocuments: 1,
        errorMessage: { "media-1": "Unreadable" },
      }),
    ).toStrictEqual({
      type: "DocumentPicker",
      name: "contract",
      label: "Contract",
      "allowed-mime-types": ["application/pdf"],
      "min-uploaded-documents": 0,
      "max-uploaded-documents": 1,
      "error-message": { "media-1": "Unreadable" },
    });
  });
});
