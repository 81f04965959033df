/**
 * Unpredictable `flow_token`s for flow messages that are sent without one. (The data endpoint issues its
 * own signed tokens; this is for messages whose token only has to be unique and unguessable.)
 */
import { GraphApiInputError } from "./errors.js";

/**
 * A new token of `byteLength` random bytes (default 24, i.e. 192 bits) from `crypto.getRandomValues`,
 * written in base64url without padding (32 characters by default).
 *
 * @example
 * const flowToken = generateFlowToken(); // "q3J0cVx8Qy1nM2Vw..."
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/sendingaflow
 */
export function generateFlowToken(byteLength = 24): string {
  if (!Number.isInteger(byteLength) || byteLength < 16 || byteLength > 256) {
    throw new GraphApiInputError({
      field: "byteLength",
      message: "byteLength must be an integer from 16 to 256.",
    });
  }
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(byteLength));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}
