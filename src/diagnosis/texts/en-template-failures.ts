import { TemplateFailure } from '../templates/template-failure';
import { type TemplateFailureWordingTable } from './template-failure-wording';

const F = TemplateFailure;

/**
 * What the English diagnosis says about each template failure, in place of the generic TEMPLATE cause's
 * wording. Sources: Meta's error-code reference (titles), its template guidelines (pauses) and the
 * template management page (statuses). The facts of the template itself go to the evidence lines.
 */
export const EN_TEMPLATE_FAILURES = {
  [F.PARAMETER_COUNT]: {
    title: 'Wrong number of template parameters',
    explanation:
      'The number of parameter values sent does not match the number of placeholders the template has. Meta counts each component on its own: the header, the body and each button with a variable.',
    possible: [
      'A parameter was left out, or one too many was sent, in one component.',
      'The header or a button has a variable too, and the send gave none for it.',
      'The template was edited since the code that builds the send was written.',
    ],
    solutions: [
      'Send exactly as many parameters as the template has placeholders, component by component (see the evidence).',
      'Look at the template’s current definition in WhatsApp Manager, or sync the templates, then fix the send.',
    ],
  },
  [F.NOT_FOUND]: {
    title: 'Template not found in this language, or not approved',
    explanation:
      'Meta has no approved template with this name in this language. A template is one name in one language: each translation is approved on its own.',
    possible: [
      'The name or the language code is misspelled (en_US is not en).',
      'The template exists in other languages only.',
      'The template is still pending review, was rejected, or was deleted.',
      'The template belongs to another WhatsApp Business Account than the sending number’s.',
    ],
    solutions: [
      'Check the name and the language code against WhatsApp Manager.',
      'Pick one of the languages the template exists in, or add this translation and wait for its approval.',
      'If the template is not approved, fix it and submit it again, or use another template.',
    ],
  },
  [F.TEXT_TOO_LONG]: {
    title: 'Template text too long once filled in',
    explanation:
      'Once the parameters are filled in, the template’s text is longer than Meta allows: {bodyMaxChars} characters for the body, {headerMaxChars} for a text header.',
    possible: [
      'A parameter value is much longer than the example the template was approved with.',
      'The template’s own text leaves little room for the parameters.',
    ],
    solutions: [
      'Shorten the parameter values (truncate long names, addresses, lists).',
      'Edit the template to leave more room and submit it again, or use a shorter template.',
    ],
  },
  [F.FORMAT_POLICY]: {
    title: 'Template content breaks a formatting policy',
    explanation:
      'Meta refused the message because its content, once filled in, breaks one of WhatsApp’s formatting or content policies.',
    possible: [
      'A parameter value holds characters or formatting that the policy does not allow.',
      'The filled-in content no longer matches what the template was approved for.',
    ],
    solutions: [
      'Send plain parameter values, without special formatting characters.',
      'Review the template against Meta’s template guidelines; edit it and submit it again if needed.',
    ],
  },
  [F.PARAMETER_FORMAT]: {
    title: 'Template parameter of the wrong type',
    explanation:
      'A parameter value has another type than the template expects, for example a media header sent without its image, video or document.',
    possible: [
      'The template has a media header (image, video, document) and the send gave none, or text instead.',
      'A parameter was sent as another type than its placeholder takes.',
    ],
    solutions: [
      'Send the header as the template defines it: for a media header, a parameter of that type with a link or a media id.',
      'Do not reuse the example media of the template’s definition: its link expires.',
    ],
  },
  [F.PAUSED]: {
    title: 'Template paused for low quality',
    explanation:
      'Meta paused the template because its quality rating dropped to the lowest level: customers blocked or reported its messages. A pause lasts {firstPauseHours} hours the first time and {secondPauseHours} hours the second; the third time, the template is disabled for good.',
    possible: [
      'Many recipients blocked or reported messages sent with this template.',
      'The template was sent to customers who did not expect it or had not opted in.',
    ],
    solutions: [
      'Wait until the pause ends (see the evidence), then send again; Meta sends an approval when it does.',
      'Meanwhile, send another approved template for urgent messages.',
      'Improve the template and who it goes to before sending it widely again: one more pause after the second disables it.',
      'Edit the template and submit it again: a paused template can be edited.',
    ],
  },
  [F.DISABLED]: {
    title: 'Template disabled',
    explanation:
      'Meta disabled the template after it was paused for low quality too many times. A disabled template can no longer be sent.',
    possible: ['The template was paused for low quality a third time.'],
    solutions: [
      'Use another approved template.',
      'Create a new template, improving the content and who it goes to, and submit it for review.',
    ],
  },
  [F.PARAMETER_TEXT]: {
    title: 'Template text parameter with a line break, tab or too many spaces',
    explanation:
      'Meta refuses text parameters that contain a new line, a tab, or more than {maxSpaces} spaces in a row.',
    possible: [
      'A value copied from a form or a database kept its line breaks.',
      'A value was padded with spaces.',
    ],
    solutions: [
      'Replace new lines and tabs with a space, and runs of spaces with one space, before sending.',
      'If the text needs several lines, put the line breaks in the template itself and split the value over several parameters.',
    ],
  },
  [F.PARAMETER_MISSING]: {
    title: 'Template parameter missing',
    explanation:
      'A parameter the template requires was not sent, or was sent without a value: a body or header variable, a media header, the suffix of a URL button, a coupon code or a one-time password.',
    possible: [
      'A parameter was sent with an empty text.',
      'A button with a variable (URL, copy code, one-time password) got no parameter.',
      'A media header was sent without a link or a media id.',
    ],
    solutions: ['Send a value for every parameter the template defines (see the evidence).'],
  },
  [F.PARAMETER_NAME_MISSING]: {
    title: 'Named template sent without parameter names',
    explanation:
      'This template uses named parameters (placeholders called by a name, not a number), so every header and body text parameter must carry its parameter_name.',
    possible: [
      'The send was built for a positional template.',
      'A parameter_name is misspelled or names no placeholder of the template.',
    ],
    solutions: [
      'Give each text parameter its parameter_name, as the template names its placeholders (see the evidence).',
    ],
  },
  [F.PENDING]: {
    title: 'Template pending review',
    explanation:
      'Meta is still reviewing the template. It cannot be sent until it is approved; most reviews end within minutes, some take up to a day or two.',
    possible: [],
    solutions: [
      'Wait for the approval; the gateway updates the status when Meta reports it.',
      'Meanwhile, use another approved template.',
    ],
  },
  [F.REJECTED]: {
    title: 'Template rejected',
    explanation: 'Meta rejected the template in review, so it cannot be sent.',
    possible: [
      'The content breaks Meta’s template guidelines (see the reason in the evidence).',
      'The category does not fit the content.',
      'The parameters are badly placed (next to each other, at the start or the end of the body) or their examples are missing.',
    ],
    solutions: [
      'Edit the template following the reason Meta gave, and submit it again.',
      'Appeal in WhatsApp Manager if the rejection is a mistake.',
      'Meanwhile, use another approved template.',
    ],
  },
  [F.IN_APPEAL]: {
    title: 'Template in appeal',
    explanation:
      'The template was rejected and an appeal is under way. It cannot be sent until Meta approves it.',
    possible: [],
    solutions: ['Wait for the appeal’s result.', 'Meanwhile, use another approved template.'],
  },
  [F.PENDING_DELETION]: {
    title: 'Template being deleted',
    explanation:
      'The template was deleted. Meta still tries to deliver messages already sent with it, but it cannot be sent again.',
    possible: [],
    solutions: [
      'Use another approved template.',
      'To use the same name again, wait 30 days after the deletion, then create it anew.',
    ],
  },
  [F.DELETED]: {
    title: 'Template deleted',
    explanation: 'The template was deleted and can no longer be sent.',
    possible: [],
    solutions: [
      'Use another approved template.',
      'To use the same name again, wait 30 days after the deletion, then create it anew.',
    ],
  },
  [F.LIMIT_EXCEEDED]: {
    title: 'Template over the account’s template limit',
    explanation:
      'The WhatsApp Business Account reached its limit on the number of templates, so this one was not accepted.',
    possible: [],
    solutions: [
      'Delete templates that are no longer used, then create this one again.',
      'Use an existing approved template.',
    ],
  },
  [F.ARCHIVED]: {
    title: 'Template archived',
    explanation:
      'The template is archived: it cannot be sent, and Meta deletes it after 28 days unless it is unarchived.',
    possible: [],
    solutions: ['Unarchive the template in WhatsApp Manager, or use another approved template.'],
  },
  [F.STATUS_UNKNOWN]: {
    title: 'Template status not known',
    explanation:
      'The gateway does not know the template’s current status, so it cannot say whether Meta will accept a send of it.',
    possible: [],
    solutions: ['Sync the templates, then look at the status again.'],
  },
  [F.LOW_QUALITY]: {
    title: 'Template quality is low',
    explanation:
      'The template can be sent, but its quality rating is low: customers have been blocking or reporting its messages. At the lowest rating Meta pauses it, {firstPauseHours} hours the first time and {secondPauseHours} hours the second, and disables it the third time.',
    possible: [
      'Recipients did not expect the message or had not opted in.',
      'The content is too promotional, too frequent or not relevant to them.',
    ],
    solutions: [
      'Send it less often and only to customers who asked for it.',
      'Improve the content, or switch to another template, before the rating drops further.',
    ],
  },
} as const satisfies TemplateFailureWordingTable;
