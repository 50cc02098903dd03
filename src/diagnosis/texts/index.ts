export { EN, type MessageId } from './en';
export { ZH_TW } from './zh-tw';
export { isMessageId, textTable, translate, type TextParam, type TextParams } from './translate';
export { CAUSE_TEXTS, type CauseTexts } from './cause-texts';
