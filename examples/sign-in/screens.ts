/**
 * The sign-in flow's four screens as Flow JSON, equal to the seed document's screens: SIGN_IN (with
 * links to SIGN_UP and FORGOT_PASSWORD), SIGN_UP (with a link to TERMS_AND_CONDITIONS), FORGOT_PASSWORD
 * and TERMS_AND_CONDITIONS. Written as typed object literals (`satisfies Screen`) so that handlers get the
 * exact type of each screen's data.
 *
 * @example
 * signInScreens.SIGN_IN.data.welcome; // { type: "string", __example__: "..." }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#screens
 */
import type { Screen } from "../../src/flow-json/types.js";

const SIGN_IN = {
  id: "SIGN_IN",
  title: "Sign in",
  data: {
    welcome: {
      type: "string",
      __example__: "Welcome back! Please sign in to continue.",
    },
    default_email: {
      type: "string",
      __example__: "johndoe@gmail.com",
    },
  },
  terminal: true,
  success: true,
  layout: {
    type: "SingleColumnLayout",
    children: [
      {
        type: "TextSubheading",
        text: "${data.welcome}",
      },
      {
        type: "TextInput",
        name: "email",
        label: "Email address",
        "input-type": "email",
        required: true,
        "init-value": "${data.default_email}",
      },
      {
        type: "TextInput",
        name: "password",
        label: "Password",
        "input-type": "password",
        required: true,
      },
      {
        type: "EmbeddedLink",
        text: "Don't have an account? Sign up",
        "on-click-action": {
          name: "navigate",
          next: {
            name: "SIGN_UP",
            type: "screen",
          },
          payload: {},
        },
      },
      {
        type: "EmbeddedLink",
        text: "Forgot password",
        "on-click-action": {
          name: "navigate",
          next: {
            name: "FORGOT_PASSWORD",
            type: "screen",
          },
          payload: {},
        },
      },
      {
        type: "Footer",
        label: "Sign in",
        "on-click-action": {
          name: "data_exchange",
          payload: {
            email: "${form.email}",
            password: "${form.password}",
          },
        },
      },
    ],
  },
} satisfies Screen;

const SIGN_UP = {
  id: "SIGN_UP",
  title: "Sign up",
  layout: {
    type: "SingleColumnLayout",
    children: [
      {
        type: "TextInput",
        name: "first_name",
        label: "First Name",
        "input-type": "text",
        required: true,
      },
      {
        type: "TextInput",
        name: "last_name",
        label: "Last Name",
        "input-type": "text",
        required: true,
      },
      {
        type: "TextInput",
        name: "email",
        label: "Email address",
        "input-type": "email",
        required: true,
        "init-value": "${screen.SIGN_IN.form.email}",
      },
      {
        type: "TextInput",
        name: "password",
        label: "Set password",
        "input-type": "password",
        required: true,
        "init-value": "${screen.SIGN_IN.form.password}",
      },
      {
        type: "TextInput",
        name: "confirm_password",
        label: "Confirm password",
        "input-type": "password",
        required: true,
        "helper-text": "Min 8 chars, incl. 1 number & 1 special character.",
        "init-value": "${screen.SIGN_IN.form.password}",
      },
      {
        type: "OptIn",
        name: "terms_agreement",
        label: "I agree with the terms.",
        required: true,
        "on-click-action": {
          name: "navigate",
          next: {
            name: "TERMS_AND_CONDITIONS",
            type: "screen",
          },
          payload: {},
        },
      },
      {
        type: "OptIn",
        name: "offers_acceptance",
        label: "I would like to receive news and offers.",
      },
      {
        type: "Footer",
        label: "Sign up",
        "on-click-action": {
          name: "data_exchange",
          payload: {
            first_name: "${form.first_name}",
            last_name: "${form.last_name}",
            email: "${form.email}",
            password: "${form.password}",
            confirm_password: "${form.confirm_password}",
            terms_agreement: "${form.terms_agreement}",
            offers_acceptance: "${form.offers_acceptance}",
          },
        },
      },
    ],
  },
} satisfies Screen;

const FORGOT_PASSWORD = {
  id: "FORGOT_PASSWORD",
  title: "Forgot password",
  terminal: true,
  success: true,
  layout: {
    type: "SingleColumnLayout",
    children: [
      {
        type: "TextBody",
        text: "Enter your email address for your account and we'll send a reset link. The single-use link will expire after 24 hours.",
      },
      {
        type: "TextInput",
        name: "email",
        label: "Email address",
        "input-type": "email",
        required: true,
        "init-value": "${screen.SIGN_IN.form.email}",
      },
      {
        type: "Footer",
        label: "Send reset link",
        "on-click-action": {
          name: "data_exchange",
          payload: {
            email: "${form.email}",
          },
        },
      },
    ],
  },
} satisfies Screen;

const TERMS_AND_CONDITIONS = {
  id: "TERMS_AND_CONDITIONS",
  title: "Terms and conditions",
  layout: {
    type: "SingleColumnLayout",
    children: [
      {
        type: "TextHeading",
        text: "Our Terms",
      },
      {
        type: "TextSubheading",
        text: "Data usage",
      },
      {
        type: "TextBody",
        text: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed vitae odio dui. Praesent ut nulla tincidunt, scelerisque augue malesuada, volutpat lorem. Aliquam iaculis ex at diam posuere mollis. Suspendisse eget purus ac tellus interdum pharetra. In quis dolor turpis. Fusce in porttitor enim, vitae efficitur nunc. Fusce dapibus finibus volutpat. Fusce velit mi, ullamcorper ac gravida vitae, blandit quis ex. Fusce ultrices diam et justo blandit, quis consequat nisl euismod. Vestibulum pretium est sem, vitae convallis justo sollicitudin non. Morbi bibendum purus mattis quam condimentum, a scelerisque erat bibendum. Nullam sit amet bibendum lectus.",
      },
      {
        type: "TextSubheading",
        text: "Privacy policy",
      },
      {
        type: "TextBody",
        text: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed vitae odio dui. Praesent ut nulla tincidunt, scelerisque augue malesuada, volutpat lorem. Aliquam iaculis ex at diam posuere mollis. Suspendisse eget purus ac tellus interdum pharetra. In quis dolor turpis. Fusce in porttitor enim, vitae efficitur nunc. Fusce dapibus finibus volutpat. Fusce velit mi, ullamcorper ac gravida vitae, blandit quis ex. Fusce ultrices diam et justo blandit, quis consequat nisl euismod. Vestibulum pretium est sem, vitae convallis justo sollicitudin non. Morbi bibendum purus mattis quam condimentum, a scelerisque erat bibendum. Nullam sit amet bibendum lectus.",
      },
    ],
  },
} satisfies Screen;

/** The screens of the sign-in flow, in Flow JSON order. */
export const signInScreens = { SIGN_IN, SIGN_UP, FORGOT_PASSWORD, TERMS_AND_CONDITIONS };
