import { createHmac } from "node:crypto";
import { Redacted } from "effect";
import { describe, expect, it } from "vitest";
import {
  FlowTokenSignatureError,
  verifyFlowTokenSignature,
  type VerifyFlowTokenSignatureOptions,
} from "../../../src/transport/index.js";
import { signJwt } from "../../helpers/whatsapp-client-crypto.js";

const appSecret = Redacted.make("meta-app-secret");
const nowMs = Date.UTC(2026, 0, 15, 12, 0, 0);
const now = (): number => nowMs;
const nowSeconds = nowMs / 1000;
const token = "flow-token-7f3a";
const genericMessage = new FlowTokenSignatureError({}).message;

async function refusal(
  flowToken: string,
  signature: string,
  options: VerifyFlowTokenSignatureOptions = { appSecret, now },
): Promise<FlowTokenSignatureError> {
  const error = await verifyFlowTokenSignature(flowToken, signature, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FlowTokenSignatureError);
  expect((error as FlowTokenSignatureError).message).toBe(genericMessage);
  expect((error as FlowTokenSignatureError).cause).toBeDefined();
  return error as FlowTokenSignatureError;
}

describe("verifyFlowTokenSignature", () => {
  it("accepts a JWT whose flow_token claim is the request's token, and returns its claims", async () => {
    const jwt = signJwt({ flow_token: token, exp: nowSeconds + 600, iat: nowSeconds }, "meta-app-secret");
    await expect(verifyFlowTokenSignature(token, jwt, { appSecret, now })).resolves.toMatchObject({
      flow_token: token,
    });
  });

  it("falls back to the sub claim when there is no flow_token claim", async () => {
    const jwt = signJwt({ sub: token }, "meta-app-secret");
    await expect(verifyFlowTokenSignature(token, jwt, { appSecret, now })).resolves.toMatchObject({
      sub: token,
    });
  });

  it("refuses a token claim that names another flow token", async () => {
    await refusal(token, signJwt({ flow_token: "someone-else" }, "meta-app-secret"));
    await refusal(token, signJwt({ sub: "someone-else" }, "meta-app-secret"));
    await refusal(token, signJwt({ flow_token: "someone-else", sub: token }, "meta-app-secret"));
    await refusal(token, signJwt({ iss: "meta" }, "meta-app-secret"));
  });

  it("refuses an expired JWT, allowing the configured clock skew", async () => {
    const jwt = signJwt({ flow_token: token, exp: nowSeconds - 10 }, "meta-app-secret");
    await expect(verifyFlowTokenSignature(token, jwt, { appSecret, now })).resolves.toBeDefined();
    const error = await refusal(token, jwt, { appSecret, now, clockToleranceSeconds: 0 });
    expect((error.cause as { code?: string }).code).toBe("ERR_JWT_EXPIRED");
    await refusal(token, signJwt({ flow_token: token, exp: nowSeconds - 31 }, "meta-app-secret"));
  });

  it("refuses a JWT that is not valid yet", async () => {
    await refusal(token, signJwt({ flow_token: token, nbf: nowSeconds + 3600 }, "meta-app-secret"));
  });

  it("refuses a JWT signed with another secret, and accepts it once that secret is listed", async () => {
    const jwt = signJwt({ flow_token: token }, "previous-app-secret");
    await refusal(token, jwt);
    const rotating = [appSecret, Redacted.make("previous-app-secret")];
    await expect(verifyFlowTokenSignature(token, jwt, { appSecret: rotating, now })).resolves.toBeDefined();
  });

  it("refuses other algorithms, including alg none", async () => {
    const unsigned = signJwt({ flow_token: token }, "meta-app-secret", { alg: "none" }).replace(/[^.]+$/, "");
    await refusal(token, unsigned);
    const header = Buffer.from(JSON.stringify({ alg: "HS512", typ: "JWT" })).toString("base64url");
    const claims = Buffer.from(JSON.stringify({ flow_token: token })).toString("base64url");
    const hs512 = `${header}.${claims}.${createHmac("sha512", "meta-app-secret").update(`${header}.${claims}`).digest("base64url")}`;
    await refusal(token, hs512);
  });

  it.each([
    ["not a JWT", "flow_token_signature"],
    ["an empty string", ""],
    [
      "a JWT with a changed claim",
      signJwt({ flow_token: token }, "meta-app-secret").replace(
        /\.([^.]+)\./,
        (_m, c: string) => `.${c.slice(0, -2)}AA.`,
      ),
    ],
  ])("refuses %s", async (_name, signature) => {
    await refusal(token, signature);
  });

  it("refuses values that are not strings", async () => {
    await refusal(token, 42 as unknown as string);
    await refusal(undefined as unknown as string, signJwt({ flow_token: token }, "meta-app-secret"));
  });

  it("rejects a configuration without a secret", async () => {
    await expect(verifyFlowTokenSignature(token, "x", { appSecret: [] })).rejects.toMatchObject({
      _tag: "CryptoConfigError",
    });
  });
});
