/**
 * The texts a WhatsApp user sees when the endpoint cannot do what they asked: the 427 `error_msg` and the
 * snackbar (`error_message`) on the screen they were on. Override any of them per endpoint.
 *
 * @example
 * createFlowEndpoint({ flow, privateKey, messages: { unavailable: "Estamos con problemas, prueba de nuevo." } });
 */
export interface EndpointMessages {
  /** 427: the token is unknown, expired or refused. */
  readonly tokenInvalid: string;
  /** 427: the flow was already completed with this token. */
  readonly completed: string;
  /** Snackbar: a handler failed or timed out, or the request could not be applied. */
  readonly failure: string;
  /** Snackbar: the session store cannot be reached. */
  readonly unavailable: string;
}

export const defaultEndpointMessages: EndpointMessages = {
  tokenInvalid: "This form has expired. Please ask for a new one.",
  completed: "This form was already submitted.",
  failure: "Something went wrong. Please try again.",
  unavailable: "We could not save your answer just now. Please try again in a moment.",
};
