/**
 * Builders for images and media uploads: Image, ImageCarousel, PhotoPicker and DocumentPicker.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#image
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/media_upload
 */
import type {
  Binding,
  DocumentPicker,
  Image,
  ImageCarousel,
  ImageCarouselItem,
  JsonObject,
  PhotoPicker,
} from "../types.js";
import type { Expression, StringOperand } from "../expressions/expression.js";
import type { BuilderOptions } from "./authoring.js";
import { buildComponent } from "./component.js";
import { type WithRef, withRef } from "./input.js";
import { toWireOptions } from "./wire-value.js";

/** One image of a carousel, in camelCase: `{ src, altText }`. */
export interface ImageCarouselItemOptions {
  readonly src: StringOperand;
  readonly altText: StringOperand;
}

/** The options of `image` (`src`, `width`, `height`, `scaleType`, `aspectRatio`, `altText`, `visible`). */
export type ImageOptions = BuilderOptions<Image>;
/** The options of `imageCarousel`; `images` in camelCase, or a ref to a data field of images. */
export type ImageCarouselOptions = BuilderOptions<
  ImageCarousel,
  {
    readonly images: readonly ImageCarouselItemOptions[] | Expression<readonly ImageCarouselItem[]> | Binding;
  }
>;
/** The options of `photoPicker` (`photoSource`, `maxFileSizeKb`, `min/maxUploadedPhotos`, ...). */
export type PhotoPickerOptions = BuilderOptions<PhotoPicker>;
/** The options of `documentPicker` (`allowedMimeTypes`, `min/maxUploadedDocuments`, ...). */
export type DocumentPickerOptions = BuilderOptions<DocumentPicker>;

/**
 * What a PhotoPicker or DocumentPicker holds: one object per uploaded file (media id, file name,
 * encrypted CDN location), sent to the endpoint or in the completion payload.
 */
export type MediaUploads = readonly JsonObject[];

/**
 * An Image from base64 data (JPEG or PNG; at most 3 per screen).
 *
 * @example
 * image({ src: base64Png, width: 200, height: 100, scaleType: "cover", aspectRatio: 2, altText: "Our shop" });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#image
 */
export function image(options: ImageOptions): Image {
  return buildComponent<Image>("Image", options);
}

/**
 * An ImageCarousel of 1 to 3 images (Flow JSON 7.1+).
 *
 * @example
 * imageCarousel({ images: [{ src: base64Png, altText: "Front" }, { src: otherPng, altText: "Back" }], aspectRatio: "16:9" });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#imagecarousel
 */
export function imageCarousel(options: ImageCarouselOptions): ImageCarousel {
  const images = Array.isArray(options.images)
    ? options.images.map((item: ImageCarouselItemOptions) => toWireOptions(item))
    : options.images;
  return buildComponent<ImageCarousel>("ImageCarousel", { ...options, images });
}

/**
 * A PhotoPicker (Flow JSON 4.0+; one per screen, never with a DocumentPicker, no initial value).
 *
 * @example
 * const photos = photoPicker({ name: "photo_picker", label: "Upload photos", minUploadedPhotos: 1, maxUploadedPhotos: 10 });
 * dataExchange({ images: photos.ref });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/media_upload
 */
export function photoPicker(options: PhotoPickerOptions): WithRef<PhotoPicker, MediaUploads> {
  return withRef(buildComponent<PhotoPicker>("PhotoPicker", options));
}

/**
 * A DocumentPicker (Flow JSON 4.0+; one per screen, never with a PhotoPicker, no initial value).
 *
 * @example
 * const files = documentPicker({ name: "contract", label: "Signed contract", allowedMimeTypes: ["application/pdf"] });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/media_upload
 */
export function documentPicker(options: DocumentPickerOptions): WithRef<DocumentPicker, MediaUploads> {
  return withRef(buildComponent<DocumentPicker>("DocumentPicker", options));
}
