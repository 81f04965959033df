import { describe, expect, it } from "vitest";
import newsletter, { newsletterScreen } from "../../examples/newsletter/flow.js";
import {
  forgotPasswordScreen,
  signInData,
  signInScreen,
  signInScreens,
  signUpScreen,
  termsAndConditionsScreen,
} from "../../examples/sign-in/screens.js";
import { readSharedJson } from "../helpers/shared-path.js";
import { expectWireJson } from "../helpers/wire-json.js";
import type { FlowJson } from "../../src/flow-json/index.js";

describe("seed flows written with the builders", () => {
  it("newsletter/flow.ts is exactly fixtures/seed/newsletter.flow.json", () => {
    expect(newsletter).toStrictEqual(readSharedJson("fixtures/seed/newsletter.flow.json"));
    expectWireJson(newsletter);
    expect(newsletter.screens).toEqual([newsletterScreen]);
  });

  it("sign-in/screens.ts holds exactly the screens of fixtures/seed/signin.flow.json, in order", () => {
    const seed = readSharedJson("fixtures/seed/signin.flow.json") as FlowJson;
    expect(Object.keys(signInScreens)).toEqual(seed.screens.map((screen) => screen.id));
    expect(Object.values(signInScreens)).toStrictEqual(seed.screens);
    for (const screen of Object.values(signInScreens)) expectWireJson(screen);
  });

  it("exports each sign-in screen by name and under its id", () => {
    expect(signInScreens.SIGN_IN).toBe(signInScreen);
    expect(signInScreens.SIGN_UP).toBe(signUpScreen);
    expect(signInScreens.FORGOT_PASSWORD).toBe(forgotPasswordScreen);
    expect(signInScreens.TERMS_AND_CONDITIONS).toBe(termsAndConditionsScreen);
  });

  it("exposes the SIGN_IN data refs the endpoint answers with", () => {
    expect(String(signInData.welcome)).toBe("${data.welcome}");
    expect(signInData.default_email.name).toBe("default_email");
  });
});
