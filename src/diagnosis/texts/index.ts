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
export { CAUSE_TEXTS, type CauseTexts } from './cause-texts';
