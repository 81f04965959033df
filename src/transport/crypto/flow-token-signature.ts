/**
 * The `flow_token_signature` of data API 4.0 (Flow JSON >= 7.3): a JWT, HS256, signed by Meta with
 * the app secret, carrying the flow token, so the endpoint can tell a token WhatsApp vouches for.
 */
import { errors, jwtVerify, type JWTPayload } from "jose";
import { FlowTokenSignatureError } from "./errors.js";
import { hmacKeys, type SecretInput } from "./hmac-key.js";

/** Settings of `verifyFlowTokenSignature`. */
export interface VerifyFlowTokenSignatureOptions {
  /** The Meta app secret (both, during a rotation). */
  readonly appSecret: SecretInput;
  /** Current time in milliseconds since the epoch; defaults to `Date.now`. */
  readonly now?: () => number;
  /** Leeway for `exp`/`nbf` against clock skew, in seconds; defaults to 30. */
  readonly clockToleranceSeconds?: number;
}

/** The claim names searched for the flow token, in order (Meta does not document the name). */
export const FLOW_TOKEN_CLAIMS = ["flow_token", "sub"] as const;

function tokenClaim(payload: JWTPayload): unknown {
  for (const claim of FLOW_TOKEN_CLAIMS) {
    if (payload[claim] !== undefined) return payload[claim];
  }
  return undefined;
}

/**
 * Verifies a request's `flow_token_signature` against its `flow_token`, and resolves the JWT claims.
 *
 * It holds when the JWT is HS256 and signed with one of the app secrets, is not expired when it has
 * `exp` (nor early, with `nbf`), and its token claim equals `flowToken`. Meta does not document the
 * claim's name: the `flow_token` claim is used when present, otherwise `sub`. Every failure is one
 * generic `FlowTokenSignatureError` (the reason is in `cause`, for logs); a bad configuration is
 * a `CryptoConfigError`.
 *
 * @example
 * const { flow_token, flow_token_signature } = payload;
 * if (flow_token_signature !== undefined) {
 *   await verifyFlowTokenSignature(flow_token, flow_token_signature, { appSecret });
 * }
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint
 */
export async function verifyFlowTokenSignature(
  flowToken: string,
  signature: string,
  options: VerifyFlowTokenSignatureOptions,
): Promise<JWTPayload> {
  const keys = await hmacKeys(options.appSecret, "verifyFlowTokenSignature (the Meta app secret)");
  if (typeof flowToken !== "string" || typeof signature !== "string") {
    throw new FlowTokenSignatureError({
      cause: new Error("flow_token or flow_token_signature is not a string"),
    });
  }
  const verifyOptions = {
    algorithms: ["HS256"],
    clockTolerance: options.clockToleranceSeconds ?? 30,
    currentDate: new Date((options.now ?? Date.now)()),
  };
  let failure: unknown = new Error("no app secret verified the signature");
  for (const key of keys) {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(signature, key, verifyOptions));
    } catch (cause) {
      failure = cause;
      // Only a signature mismatch may be fixed by the next secret; anything else is final.
      if (cause instanceof errors.JWSSignatureVerificationFailed) continue;
      break;
    }
    if (tokenClaim(payload) !== flowToken) {
      throw new FlowTokenSignatureError({
        cause: new Error(`the JWT's ${FLOW_TOKEN_CLAIMS.join("/")} claim does not match flow_token`),
      });
    }
    return payload;
  }
  throw new FlowTokenSignatureError({ cause: failure });
}
