/**
 * A completed flow, as the `messages` webhook reports it (`interactive.type: "nfm_reply"`,
 * `nfm_reply.name: "flow"`): `response_json` parsed, `flow_token` taken out, sender and context kept,
 * PhotoPicker/DocumentPicker answers turned into downloadable media.
 */
import { Result, Schema } from "effect";
import type { JsonObject, JsonValue } from "../flow-json/types.js";
import { MediaDownloadError } from "./errors.js";
import type { DownloadedMedia } from "./media-resource.js";

const NfmReplyMessage = Schema.Struct({
  id: Schema.String,
  from: Schema.String,
  timestamp: Schema.String,
  type: Schema.Literal("interactive"),
  context: Schema.optionalKey(
    Schema.Struct({ id: Schema.optionalKey(Schema.String), from: Schema.optionalKey(Schema.String) }),
  ),
  interactive: Schema.Struct({
    type: Schema.Literal("nfm_reply"),
    nfm_reply: Schema.Struct({
      name: Schema.Literal("flow"),
      body: Schema.optionalKey(Schema.String),
      response_json: Schema.String,
    }),
  }),
});

/** The `value` of a `messages` change, as far as completions need it. */
export const MessagesValue = Schema.Struct({
  metadata: Schema.Struct({
    phone_number_id: Schema.String,
    display_phone_number: Schema.optionalKey(Schema.String),
  }),
  contacts: Schema.optionalKey(
    Schema.Array(
      Schema.Struct({
        wa_id: Schema.String,
        profile: Schema.optionalKey(Schema.Struct({ name: Schema.optionalKey(Schema.String) })),
      }),
    ),
  ),
  messages: Schema.optionalKey(Schema.Array(Schema.Unknown)),
});

/** A file the user picked in the flow; `download()` fetches it through the media API and checks its SHA-256. */
export interface CompletionMedia {
  readonly id: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly sha256: string;
  readonly download: () => Promise<DownloadedMedia>;
}

/**
 * A completed flow.
 *
 * @example
 * handler.onFlowCompletion((completion) => {
 *   console.log(completion.from.name, completion.flowToken, completion.response);
 *   const photo = completion.media["profile_pic"]?.[0];
 *   if (photo) void photo.download().then((file) => save(file.bytes));
 * });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/responsemsgwebhook
 */
export interface FlowCompletion {
  readonly kind: "flow_completion";
  readonly wabaId: string;
  readonly phoneNumberId: string;
  readonly displayPhoneNumber: string | undefined;
  /** The wamid of this reply. */
  readonly messageId: string;
  /** The wamid of the flow message this completes (`context.id`); correlates flows sent without a token. */
  readonly contextMessageId: string | undefined;
  readonly from: { readonly waId: string; readonly name: string | undefined };
  readonly timestamp: Date;
  /** `flow_token` from `response_json`; absent on some iOS clients and in client-only flows. */
  readonly flowToken: string | undefined;
  /** `response_json` without `flow_token`: the `complete` payload or the endpoint's SUCCESS params. */
  readonly response: JsonObject;
  /** `response_json` exactly as received. */
  readonly responseJson: string;
  /** `nfm_reply.body` (usually "Sent"). */
  readonly body: string | undefined;
  /** Answers of PhotoPicker/DocumentPicker components, by response key. */
  readonly media: Readonly<Record<string, readonly CompletionMedia[]>>;
  /** The final context of the endpoint session this token belonged to, when the handler can look it up. */
  readonly sessionContext?: unknown;
}

/** Downloads a media id with an optional expected SHA-256; what the webhook handler gets from a client. */
export type MediaDownloader = (
  mediaId: string,
  expected: { readonly sha256?: string },
) => Promise<DownloadedMedia>;

interface PickedFile {
  readonly id: string;
  readonly file_name: string;
  readonly mime_type: string;
  readonly sha256: string;
}

function isPickedFile(value: JsonValue): value is JsonObject & PickedFile {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  return ["id", "file_name", "mime_type", "sha256"].every((key) => typeof value[key] === "string");
}

function mediaAnswers(
  response: JsonObject,
  downloader: MediaDownloader | undefined,
): Record<string, CompletionMedia[]> {
  const media: Record<string, CompletionMedia[]> = {};
  for (const [key, value] of Object.entries(response)) {
    if (!Array.isArray(value) || value.length === 0 || !value.every(isPickedFile)) continue;
    media[key] = value.map((file) => ({
      id: file.id,
      fileName: file.file_name,
      mimeType: file.mime_type,
      sha256: file.sha256,
      download: () =>
        downloader === undefined
          ? Promise.reject(
              new MediaDownloadError({
                mediaId: file.id,
                reason: "NotConfigured",
                message: "Pass graphApi (a Graph API client) to createWebhookHandler to download flow media.",
              }),
            )
          : downloader(file.id, { sha256: file.sha256 }),
    }));
  }
  return media;
}

/**
 * Reads one message of a `messages` change as a flow completion; `undefined` when it is something else
 * (another message type, another `nfm_reply` name, a `response_json` that is not a JSON object).
 */
export function readFlowCompletion(
  message: unknown,
  value: typeof MessagesValue.Type,
  wabaId: string,
  downloader: MediaDownloader | undefined,
): FlowCompletion | undefined {
  const decoded = Schema.decodeUnknownResult(NfmReplyMessage)(message);
  if (Result.isFailure(decoded)) return undefined;
  const reply = decoded.success;
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply.interactive.nfm_reply.response_json);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
  const { flow_token: token, ...response } = parsed as JsonObject;
  const seconds = Number(reply.timestamp);
  return {
    kind: "flow_completion",
    wabaId,
    phoneNumberId: value.metadata.phone_number_id,
    displayPhoneNumber: value.metadata.display_phone_number,
    messageId: reply.id,
    contextMessageId: reply.context?.id,
    from: {
      waId: reply.from,
      name: value.contacts?.find((contact) => contact.wa_id === reply.from)?.profile?.name,
    },
    timestamp: new Date(Number.isFinite(seconds) ? seconds * 1000 : Number.NaN),
    flowToken: typeof token === "string" && token !== "" ? token : undefined,
    response,
    responseJson: reply.interactive.nfm_reply.response_json,
    body: reply.interactive.nfm_reply.body,
    media: mediaAnswers(response, downloader),
  };
}
