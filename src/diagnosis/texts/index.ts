export { EN, type MessageId } from './en';
export { ZH_TW } from './zh-tw';
export { EN_CAUSES } from './en-causes';
export { ZH_TW_CAUSES } from './zh-tw-causes';
export {
  causeTextIds,
  flattenCauseWording,
  type CauseTextId,
  type CauseWording,
  type CauseWordingTable,
  type TranslationOf,
} from './cause-wording';
export { isMessageId, textTable, translate, type TextParam, type TextParams } from './translate';
export { CAUSE_TEXTS, TEMPLATE_FAILURE_TEXTS, type CauseTexts } from './cause-texts';
export { EN_TEMPLATE_FAILURES } from './en-template-failures';
export { ZH_TW_TEMPLATE_FAILURES } from './zh-tw-template-failures';
export {
  flattenTemplateFailureWording,
  templateFailureTextIds,
  type TemplateFailureTextId,
  type TemplateFailureTranslationOf,
  type TemplateFailureWordingTable,
} from './template-failure-wording';
