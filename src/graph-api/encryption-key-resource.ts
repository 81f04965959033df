/**
 * The business public key of a phone number (`/{PHONE_NUMBER_ID}/whatsapp_business_encryption`): the key
 * WhatsApp clients use to encrypt data-endpoint requests. It is set per phone number, not per WABA.
 */
import { Schema } from "effect";
import { GraphApiInputError } from "./errors.js";
import { SuccessResult } from "./flows-resource.js";
import { idSegment, type GraphTransport } from "./graph-transport.js";

/**
 * The uploaded key and whether Meta's signature of it is `VALID` or `MISMATCH`.
 *
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/reference/whatsapp-business-encryption
 */
export const BusinessPublicKey = Schema.Struct({
  business_public_key: Schema.String,
  business_public_key_signature_status: Schema.optionalKey(Schema.String),
});
/** The decoded shape of {@link BusinessPublicKey}. */
export type BusinessPublicKey = typeof BusinessPublicKey.Type;

const FlatKey = Schema.Struct({
  business_public_key: Schema.optionalKey(Schema.String),
  business_public_key_signature_status: Schema.optionalKey(Schema.String),
});

/** Meta documents a flat object; its Postman sample wraps the same fields in `{"data":[...]}`. */
const KeyAnswer = Schema.Union([Schema.Struct({ data: Schema.Array(FlatKey) }), FlatKey]);

/**
 * Checks that `pem` is a public key in PEM form, so that a private key is never uploaded by mistake.
 *
 * @example
 * requirePublicKeyPem(await readFile("public.pem", "utf8"));
 */
export function requirePublicKeyPem(pem: string): string {
  if (typeof pem !== "string" || /PRIVATE KEY/.test(pem)) {
    throw new GraphApiInputError({
      field: "publicKey",
      message:
        "This is a private key: upload the public one (openssl rsa -in private.pem -pubout -out public.pem).",
    });
  }
  if (!/-----BEGIN (RSA )?PUBLIC KEY-----[\s\S]+-----END (RSA )?PUBLIC KEY-----/.test(pem)) {
    throw new GraphApiInputError({
      field: "publicKey",
      message: "The public key must be PEM text starting with -----BEGIN PUBLIC KEY-----.",
    });
  }
  return pem.trim();
}

/**
 * The key calls of a client, bound to a transport.
 *
 * @example
 * await client.encryption.setBusinessPublicKey("1098765432", publicPem);
 * const key = await client.encryption.getBusinessPublicKey("1098765432");
 * if (key?.business_public_key_signature_status !== "VALID") console.warn("re-upload the key");
 */
export function createEncryptionKeyResource(transport: GraphTransport) {
  const path = (phoneNumberId: string): string =>
    `/${idSegment("phoneNumberId", phoneNumberId)}/whatsapp_business_encryption`;
  return {
    /** `POST` with the form field `business_public_key`; Meta signs the key on the way. */
    setBusinessPublicKey: async (phoneNumberId: string, publicKeyPem: string): Promise<SuccessResult> =>
      transport.call(
        {
          method: "POST",
          path: path(phoneNumberId),
          body: { form: { business_public_key: requirePublicKeyPem(publicKeyPem) } },
          replaySafe: true,
        },
        SuccessResult,
      ),

    /** `GET`: the key and its signature status, or `undefined` when no key was uploaded. */
    getBusinessPublicKey: async (phoneNumberId: string): Promise<BusinessPublicKey | undefined> => {
      const answer = await transport.call(
        { method: "GET", path: path(phoneNumberId), replaySafe: true },
        KeyAnswer,
      );
      const flat = "data" in answer ? answer.data[0] : answer;
      if (flat?.business_public_key === undefined) return undefined;
      return flat.business_public_key_signature_status === undefined
        ? { business_public_key: flat.business_public_key }
        : {
            business_public_key: flat.business_public_key,
            business_public_key_signature_status: flat.business_public_key_signature_status,
          };
    },
  };
}

/** The key calls of a client. */
export type EncryptionKeyResource = ReturnType<typeof createEncryptionKeyResource>;
