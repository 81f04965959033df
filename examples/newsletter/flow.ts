/**
 * The newsletter flow: a static, one-screen flow that collects a name and an email address and ends
 * with the subscription choice in the completion payload. No endpoint is involved.
 *
 * @example
 * import newsletter from "./examples/newsletter/flow.js";
 * JSON.stringify(newsletter); // the document to upload with the Graph API
 */
import { complete, flowJson, footer, openUrl, optIn, screen, textInput } from "../../src/flow-json/index.js";

const fullName = textInput({ name: "full_name", label: "Full Name", inputType: "text", required: true });
const email = textInput({ name: "email", label: "Email Address", inputType: "email", required: true });
const isSubscribed = optIn({
  name: "is_subscribed",
  label: "Subscribe to our newsletter",
  required: true,
  onClickAction: openUrl("https://pywa.readthedocs.io/"),
});

/** The only screen: the three inputs and a Footer that completes the flow with their values. */
export const newsletterScreen = screen({
  id: "NEWSLETTER_SUBSCRIPTION",
  title: "Subscribe to our Newsletter",
  terminal: true,
  layout: [
    fullName,
    email,
    isSubscribed,
    footer({
      label: "Subscribe",
      onClickAction: complete({ full_name: fullName.ref, email: email.ref, is_subscribed: isSubscribed.ref }),
    }),
  ],
});

export default flowJson({ version: "7.0", screens: [newsletterScreen] });
