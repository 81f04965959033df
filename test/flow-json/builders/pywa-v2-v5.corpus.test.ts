/**
 * pywa's golden Flow JSON files (Flow JSON 2.1 to 5.0), rebuilt with the builders and compared whole.
 */
import { describe, expect, it } from "vitest";
import {
  complete,
  dataExchange,
  datePicker,
  defineScreenData,
  embeddedLink,
  flowJson,
  footer,
  form,
  formRef,
  ifElse,
  navigate,
  optIn,
  photoPicker,
  radioButtonsGroup,
  screen,
  switchOn,
  and,
  textBody,
  textHeading,
  textInput,
  textSubheading,
  type FlowJson,
} from "../../../src/flow-json/index.js";
import { pywaGolden as golden } from "../../helpers/pywa-corpus.js";

describe("pywa golden files rebuilt with the builders (2.1 - 5.0)", () => {
  it("pywa.v4_0.if: an If on a boolean data field and a form value", () => {
    const data = defineScreenData({ value: true });
    const animal = textInput({ name: "animal", label: "Animal", helperText: "Type: cat" });
    const built: FlowJson = flowJson({
      version: "4.0",
      screens: [
        screen({
          id: "SCREEN",
          title: "Welcome",
          terminal: true,
          success: true,
          data,
          layout: [
            animal,
            ifElse({
              condition: and(data.value, animal.ref.eq("cat")),
              then: [textHeading("It is a cat")],
              else: [textHeading("It is not a cat")],
            }),
            footer({ label: "Complete", onClickAction: complete() }),
          ],
        }),
      ],
    });
    expect(built).toStrictEqual(golden("pywa.v4_0.if"));
  });

  it("pywa.v4_0.global-fields: another screen's form and data through global refs", () => {
    const data = defineScreenData({ field2: "data" });
    const field1 = textInput({ name: "field1", label: "Enter your name" });
    const screenOne = screen({
      id: "SCREEN_ONE",
      title: "Screen 1",
      data,
      layout: [field1, footer({ label: "CTA", onClickAction: navigate("SCREEN_TWO") })],
    });
    const screenTwo = screen({
      id: "SCREEN_TWO",
      title: "Screen 2",
      terminal: true,
      data: defineScreenData({}),
      layout: [
        footer({
          label: "Complete",
          onClickAction: complete({
            field1: field1.ref.inScreen(screenOne),
            field2: data.field2.inScreen(screenOne),
          }),
        }),
      ],
    });
    expect(flowJson({ version: "4.0", screens: [screenOne, screenTwo] })).toStrictEqual(
      golden("pywa.v4_0.global-fields"),
    );
  });

  it("pywa.v4_0.forward-refs: an If and a Switch on a screen read before it is filled", () => {
    const insurance = radioButtonsGroup({
      name: "insurance",
      label: "Please select your coverage",
      dataSource: [
        { id: "basic", title: "Basic" },
        { id: "standard", title: "Standard" },
        { id: "full", title: "Premium" },
      ],
    });
    const selectInsurance = screen({
      id: "SELECT_INSURANCE",
      title: "Select insurance",
      layout: [insurance],
    });
    const chosen = insurance.ref.inScreen(selectInsurance);
    const selectServices = screen({
      id: "SELECT_SERVICES",
      title: "Select services",
      terminal: true,
      layout: [
        textSubheading("Select insurance type"),
        ifElse({
          condition: chosen.ne(""),
          then: [
            switchOn({
              value: chosen,
              cases: {
                basic: [textBody("You've selected a basic insurance")],
                standard: [textBody("You've selected a standard insurance")],
                full: [textBody("You've selected a comprehensive insurance")],
              },
            }),
          ],
          else: [textBody("You haven't selected any insurance type")],
        }),
        embeddedLink({ text: "Choose insurance type", onClickAction: navigate(selectInsurance) }),
        footer({ label: "Complete", onClickAction: complete({ selected_insurance_type: chosen }) }),
      ],
    });
    expect(
      flowJson({
        version: "4.0",
        routingModel: { SELECT_SERVICES: ["SELECT_INSURANCE"] },
        screens: [selectInsurance, selectServices],
      }),
    ).toStrictEqual(golden("pywa.v4_0.forward-refs"));
  });

  it("pywa.v4_0.photo-picker: a PhotoPicker in a Form sent to the endpoint", () => {
    const photos = photoPicker({
      name: "photo_picker",
      label: "Upload photos",
      description: "Please attach images about the received items",
      photoSource: "camera_gallery",
      minUploadedPhotos: 1,
      maxUploadedPhotos: 10,
      maxFileSizeKb: 10240,
    });
    const built = flowJson({
      version: "4.0",
      dataApiVersion: "3.0",
      routingModel: { FIRST: [] },
      screens: [
        screen({
          id: "FIRST",
          title: "Photo Picker Example",
          terminal: true,
          data: {},
          layout: [
            form({
              name: "flow_path",
              children: [
                photos,
                footer({ label: "Submit", onClickAction: dataExchange({ images: photos.ref }) }),
              ],
            }),
          ],
        }),
      ],
    });
    expect(built).toStrictEqual(golden("pywa.v4_0.photo-picker"));
  });

  it("pywa.v4_0.date-picker-dates-str: timestamp dates before 5.0", () => {
    const date = datePicker({
      name: "date",
      label: "Date",
      minDate: "1693569600000",
      maxDate: "1767182400000",
      unavailableDates: ["1694779200000", "1697371200000"],
      onSelectAction: dataExchange({ date: formRef("date") }),
    });
    const built = flowJson({
      version: "4.0",
      dataApiVersion: "3.0",
      routingModel: {},
      screens: [
        screen({
          id: "DEMO_SCREEN",
          title: "Demo screen",
          terminal: true,
          layout: [
            form({
              name: "form_name",
              children: [date, footer({ label: "Continue", onClickAction: dataExchange() })],
            }),
          ],
        }),
      ],
    });
    expect(built).toStrictEqual(golden("pywa.v4_0.date-picker-dates-str"));
  });

  it("pywa.v2_1.register (REGISTER screen): Form error messages bound to an object data field", () => {
    const data = defineScreenData({ error_messages: { confirm_password: "Passwords don't match." } });
    const input = (name: string, label: string, inputType: "text" | "email" | "password") =>
      textInput({ name, label, inputType, required: true });
    const fields = [
      input("first_name", "First name", "text"),
      input("last_name", "Last name", "text"),
      input("email", "Email address", "email"),
      input("password", "Set password", "password"),
      input("confirm_password", "Confirm password", "password"),
    ];
    const terms = optIn({
      name: "terms_agreement",
      label: "I agree with the terms.",
      required: true,
      onClickAction: navigate("TERMS_AND_CONDITIONS"),
    });
    const offers = optIn({ name: "offers_acceptance", label: "I would like to receive news and offers." });
    const payload = Object.fromEntries([...fields, terms, offers].map((field) => [field.name, field.ref]));
    const golden21 = golden("pywa.v2_1.register") as FlowJson;
    const register = screen({
      id: "REGISTER",
      title: "Register for an account",
      terminal: true,
      data,
      layout: [
        form({
          name: "register_form",
          errorMessages: data.error_messages,
          children: [
            ...fields,
            terms,
            offers,
            footer({ label: "Continue", onClickAction: dataExchange(payload) }),
          ],
        }),
      ],
    });
    const built = flowJson({
      version: "2.1",
      dataApiVersion: "3.0",
      dataChannelUri: "https://example.com",
      routingModel: { REGISTER: ["TERMS_AND_CONDITIONS"], TERMS_AND_CONDITIONS: [] },
      screens: [register],
    });
    // The file's second screen is static text (as in the sign-in example); the Form screen is the point.
    expect(built).toStrictEqual({ ...golden21, screens: golden21.screens.slice(0, 1) });
  });
});
