/**
 * The four screens of the sign-in flow: sign in, sign up, forgot password, terms and conditions. The
 * sign-in machine places them as its states; the endpoint answers SIGN_IN with the `welcome` and
 * `default_email` data declared here.
 *
 * Inputs on later screens start from what the user typed on SIGN_IN, read through global refs
 * (`${screen.SIGN_IN.form.email}`), so no data has to travel with the navigation.
 *
 * @example
 * import { signInScreens } from "./examples/sign-in/screens.js";
 * signInScreens.SIGN_IN.layout.children.length; // 6
 */
import {
  dataExchange,
  defineScreenData,
  embeddedLink,
  footer,
  navigate,
  optIn,
  screen,
  textBody,
  textHeading,
  textInput,
  textSubheading,
} from "../../src/flow-json/index.js";

/** The data SIGN_IN receives: a welcome line and the email to prefill. */
export const signInData = defineScreenData({
  welcome: "Welcome back! Please sign in to continue.",
  default_email: "johndoe@gmail.com",
});

const signInEmail = textInput({
  name: "email",
  label: "Email address",
  inputType: "email",
  required: true,
  initValue: signInData.default_email,
});
const signInPassword = textInput({
  name: "password",
  label: "Password",
  inputType: "password",
  required: true,
});

/** SIGN_IN: the entry screen; its Footer sends the credentials to the endpoint. */
export const signInScreen = screen({
  id: "SIGN_IN",
  title: "Sign in",
  terminal: true,
  success: true,
  data: signInData,
  layout: [
    textSubheading(signInData.welcome),
    signInEmail,
    signInPassword,
    embeddedLink({ text: "Don't have an account? Sign up", onClickAction: navigate("SIGN_UP") }),
    embeddedLink({ text: "Forgot password", onClickAction: navigate("FORGOT_PASSWORD") }),
    footer({
      label: "Sign in",
      onClickAction: dataExchange({ email: signInEmail.ref, password: signInPassword.ref }),
    }),
  ],
});

const typedEmail = signInEmail.ref.inScreen(signInScreen);
const typedPassword = signInPassword.ref.inScreen(signInScreen);

const firstName = textInput({ name: "first_name", label: "First Name", inputType: "text", required: true });
const lastName = textInput({ name: "last_name", label: "Last Name", inputType: "text", required: true });
const signUpEmail = textInput({
  name: "email",
  label: "Email address",
  inputType: "email",
  required: true,
  initValue: typedEmail,
});
const signUpPassword = textInput({
  name: "password",
  label: "Set password",
  inputType: "password",
  required: true,
  initValue: typedPassword,
});
const confirmPassword = textInput({
  name: "confirm_password",
  label: "Confirm password",
  inputType: "password",
  required: true,
  helperText: "Min 8 chars, incl. 1 number & 1 special character.",
  initValue: typedPassword,
});
const termsAgreement = optIn({
  name: "terms_agreement",
  label: "I agree with the terms.",
  required: true,
  onClickAction: navigate("TERMS_AND_CONDITIONS"),
});
const offersAcceptance = optIn({
  name: "offers_acceptance",
  label: "I would like to receive news and offers.",
});

/** SIGN_UP: registration; its Footer sends every field to the endpoint. */
export const signUpScreen = screen({
  id: "SIGN_UP",
  title: "Sign up",
  layout: [
    firstName,
    lastName,
    signUpEmail,
    signUpPassword,
    confirmPassword,
    termsAgreement,
    offersAcceptance,
    footer({
      label: "Sign up",
      onClickAction: dataExchange({
        first_name: firstName.ref,
        last_name: lastName.ref,
        email: signUpEmail.ref,
        password: signUpPassword.ref,
        confirm_password: confirmPassword.ref,
        terms_agreement: termsAgreement.ref,
        offers_acceptance: offersAcceptance.ref,
      }),
    }),
  ],
});

const resetEmail = textInput({
  name: "email",
  label: "Email address",
  inputType: "email",
  required: true,
  initValue: typedEmail,
});

/** FORGOT_PASSWORD: asks for the address to send a reset link to. */
export const forgotPasswordScreen = screen({
  id: "FORGOT_PASSWORD",
  title: "Forgot password",
  terminal: true,
  success: true,
  layout: [
    textBody(
      "Enter your email address for your account and we'll send a reset link. The single-use link will expire after 24 hours.",
    ),
    resetEmail,
    footer({ label: "Send reset link", onClickAction: dataExchange({ email: resetEmail.ref }) }),
  ],
});

const loremIpsum =
  "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed vitae odio dui. Praesent ut nulla tincidunt, scelerisque augue malesuada, volutpat lorem. Aliquam iaculis ex at diam posuere mollis. Suspendisse eget purus ac tellus interdum pharetra. In quis dolor turpis. Fusce in porttitor enim, vitae efficitur nunc. Fusce dapibus finibus volutpat. Fusce velit mi, ullamcorper ac gravida vitae, blandit quis ex. Fusce ultrices diam et justo blandit, quis consequat nisl euismod. Vestibulum pretium est sem, vitae convallis justo sollicitudin non. Morbi bibendum purus mattis quam condimentum, a scelerisque erat bibendum. Nullam sit amet bibendum lectus.";

/** TERMS_AND_CONDITIONS: static text, reached from the SIGN_UP opt-in. */
export const termsAndConditionsScreen = screen({
  id: "TERMS_AND_CONDITIONS",
  title: "Terms and conditions",
  layout: [
    textHeading("Our Terms"),
    textSubheading("Data usage"),
    textBody(loremIpsum),
    textSubheading("Privacy policy"),
    textBody(loremIpsum),
  ],
});

/** The four screens by id, in the order of the flow's document. */
export const signInScreens = {
  SIGN_IN: signInScreen,
  SIGN_UP: signUpScreen,
  FORGOT_PASSWORD: forgotPasswordScreen,
  TERMS_AND_CONDITIONS: termsAndConditionsScreen,
} as const;
