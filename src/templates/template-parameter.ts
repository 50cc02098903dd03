/** Where in a template a send's parameter goes. */
export enum TemplateComponent {
  HEADER = 'HEADER',
  BODY = 'BODY',
  BUTTON = 'BUTTON',
}

/** What a send must put in a parameter; each kind has its own shape in Meta's send body. */
export enum TemplateParameterKind {
  TEXT = 'TEXT',
  IMAGE = 'IMAGE',
  VIDEO = 'VIDEO',
  GIF = 'GIF',
  DOCUMENT = 'DOCUMENT',
  LOCATION = 'LOCATION',
  PRODUCT = 'PRODUCT',
  /** The dynamic suffix of a URL button. */
  URL = 'URL',
  /** The code of a copy-code button. */
  COUPON_CODE = 'COUPON_CODE',
  /** The one-time password of an authentication template's button. */
  OTP = 'OTP',
}

/** One value a send of the template has to provide. */
export interface TemplateParameter {
  component: TemplateComponent;
  /** For a button: its place in the template's BUTTONS list, which the send's `index` names. */
  buttonIndex?: number;
  /** `{{1}}` is position 1, in positional templates. */
  position?: number;
  /** `{{first_name}}` is name `first_name`, in named templates. */
  name?: string;
  kind: TemplateParameterKind;
  /** Meta's sample value from the definition, when it has one. */
  example?: string;
}
