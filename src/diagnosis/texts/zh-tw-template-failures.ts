import { TemplateFailure } from '../templates/template-failure';
import { type EN_TEMPLATE_FAILURES } from './en-template-failures';
import { type TemplateFailureTranslationOf } from './template-failure-wording';

const F = TemplateFailure;

/** 每種範本失敗的繁體中文說明,與 `en-template-failures.ts` 同樣的項目、同樣數量的可能原因和解決方法。 */
export const ZH_TW_TEMPLATE_FAILURES: TemplateFailureTranslationOf<typeof EN_TEMPLATE_FAILURES> = {
  [F.PARAMETER_COUNT]: {
    title: '範本參數數量不符',
    explanation:
      '傳送的參數數量與範本的變數數量不符。Meta 會分別計算每個元件:標頭、內文,以及每個含變數的按鈕。',
    possible: [
      '某個元件少傳或多傳了一個參數。',
      '標頭或按鈕也有變數,但傳送時沒有提供。',
      '範本在建立傳送內容的程式寫好之後被編輯過。',
    ],
    solutions: [
      '依照範本每個元件的變數數量傳送參數(見佐證資料)。',
      '在 WhatsApp 管理工具中查看範本目前的定義,或同步範本後再修正傳送內容。',
    ],
  },
  [F.NOT_FOUND]: {
    title: '找不到這個語言的範本,或範本未核准',
    explanation:
      'Meta 沒有這個名稱、這個語言的已核准範本。範本是「一個名稱加一個語言」:每個翻譯版本都要分別核准。',
    possible: [
      '名稱或語言代碼拼錯(en_US 不等於 en)。',
      '範本只有其他語言的版本。',
      '範本仍在審核中、已被拒絕或已刪除。',
      '範本屬於另一個 WhatsApp 商業帳號,不是傳送號碼所屬的帳號。',
    ],
    solutions: [
      '對照 WhatsApp 管理工具檢查名稱和語言代碼。',
      '改用範本已有的語言,或新增這個語言的翻譯並等待核准。',
      '如果範本未核准,請修正後重新送審,或改用其他範本。',
    ],
  },
  [F.TEXT_TOO_LONG]: {
    title: '填入參數後範本文字太長',
    explanation:
      '填入參數後,範本文字超過 Meta 的上限:內文 {bodyMaxChars} 個字元,文字標頭 {headerMaxChars} 個字元。',
    possible: ['某個參數值比範本核准時的範例長很多。', '範本本身的文字留給參數的空間不多。'],
    solutions: [
      '縮短參數值(截短過長的名稱、地址或清單)。',
      '編輯範本以留出更多空間後重新送審,或改用較短的範本。',
    ],
  },
  [F.FORMAT_POLICY]: {
    title: '範本內容違反格式政策',
    explanation: 'Meta 拒絕了這則訊息:填入參數後的內容違反 WhatsApp 的格式或內容政策。',
    possible: ['某個參數值含有政策不允許的字元或格式。', '填入後的內容已不符合範本核准時的用途。'],
    solutions: [
      '傳送單純的參數值,不要加特殊格式字元。',
      '對照 Meta 的範本指南檢查範本;必要時編輯後重新送審。',
    ],
  },
  [F.PARAMETER_FORMAT]: {
    title: '範本參數類型錯誤',
    explanation: '某個參數值的類型與範本要求的不同,例如媒體標頭沒有附上圖片、影片或文件。',
    possible: [
      '範本有媒體標頭(圖片、影片、文件),傳送時沒有提供,或提供的是文字。',
      '某個參數的類型與它的變數要求的不同。',
    ],
    solutions: [
      '依照範本定義傳送標頭:媒體標頭要傳同類型的參數,並附上連結或媒體 ID。',
      '不要重複使用範本定義中的範例媒體:它的連結會過期。',
    ],
  },
  [F.PAUSED]: {
    title: '範本因品質不佳而暫停',
    explanation:
      'Meta 暫停了這個範本,因為它的品質評分降到最低:顧客封鎖或檢舉了它的訊息。第一次暫停 {firstPauseHours} 小時,第二次 {secondPauseHours} 小時;第三次範本會被永久停用。',
    possible: ['許多收件人封鎖或檢舉了用這個範本傳送的訊息。', '範本傳給了沒有預期或沒有同意接收的顧客。'],
    solutions: [
      '等到暫停結束(見佐證資料)再傳送;暫停結束時 Meta 會通知範本已核准。',
      '在這段期間,緊急訊息請改用其他已核准的範本。',
      '大量傳送前先改善範本內容和傳送對象:第二次之後再被暫停,範本就會被停用。',
      '編輯範本後重新送審:暫停中的範本可以編輯。',
    ],
  },
  [F.DISABLED]: {
    title: '範本已停用',
    explanation: 'Meta 在範本多次因品質不佳被暫停後將它停用。停用的範本無法再傳送。',
    possible: ['範本第三次因品質不佳被暫停。'],
    solutions: ['改用其他已核准的範本。', '建立新的範本,改善內容和傳送對象後送審。'],
  },
  [F.PARAMETER_TEXT]: {
    title: '範本文字參數含有換行、定位字元或過多空格',
    explanation: 'Meta 不接受含有換行、定位字元(tab)或連續超過 {maxSpaces} 個空格的文字參數。',
    possible: ['從表單或資料庫複製的值保留了換行。', '值的前後補了空格。'],
    solutions: [
      '傳送前把換行和定位字元換成空格,把連續的空格換成一個空格。',
      '如果文字需要分行,請把換行寫在範本裡,並把值拆成多個參數。',
    ],
  },
  [F.PARAMETER_MISSING]: {
    title: '缺少範本參數',
    explanation:
      '範本要求的某個參數沒有傳送,或傳送時沒有值:內文或標頭的變數、媒體標頭、網址按鈕的後綴、優惠代碼或一次性密碼。',
    possible: [
      '某個參數的文字是空的。',
      '含變數的按鈕(網址、複製代碼、一次性密碼)沒有收到參數。',
      '媒體標頭沒有附上連結或媒體 ID。',
    ],
    solutions: ['為範本定義的每個參數都提供值(見佐證資料)。'],
  },
  [F.PARAMETER_NAME_MISSING]: {
    title: '具名參數範本傳送時缺少參數名稱',
    explanation:
      '這個範本使用具名參數(變數以名稱而不是數字標示),所以標頭和內文的每個文字參數都必須帶有 parameter_name。',
    possible: ['傳送內容是依照位置參數範本建立的。', '某個 parameter_name 拼錯,或不是範本中的變數名稱。'],
    solutions: ['依照範本的變數名稱,為每個文字參數加上 parameter_name(見佐證資料)。'],
  },
  [F.PENDING]: {
    title: '範本審核中',
    explanation: 'Meta 仍在審核這個範本,核准前無法傳送;多數審核幾分鐘內完成,有些需要一到兩天。',
    possible: [],
    solutions: ['等待核准;Meta 回報後閘道會更新狀態。', '在這段期間改用其他已核准的範本。'],
  },
  [F.REJECTED]: {
    title: '範本遭拒',
    explanation: 'Meta 在審核時拒絕了這個範本,所以無法傳送。',
    possible: [
      '內容違反 Meta 的範本指南(原因見佐證資料)。',
      '類別與內容不符。',
      '參數位置不當(彼此相鄰、位於內文開頭或結尾),或缺少範例。',
    ],
    solutions: [
      '依照 Meta 提供的原因編輯範本,然後重新送審。',
      '如果認為拒絕有誤,請在 WhatsApp 管理工具中提出申訴。',
      '在這段期間改用其他已核准的範本。',
    ],
  },
  [F.IN_APPEAL]: {
    title: '範本申訴中',
    explanation: '範本遭拒後正在申訴中,Meta 核准前無法傳送。',
    possible: [],
    solutions: ['等待申訴結果。', '在這段期間改用其他已核准的範本。'],
  },
  [F.PENDING_DELETION]: {
    title: '範本刪除中',
    explanation: '範本已被刪除。Meta 仍會嘗試送達已經傳出的訊息,但無法再用它傳送。',
    possible: [],
    solutions: ['改用其他已核准的範本。', '若要沿用同一個名稱,請在刪除 30 天後重新建立。'],
  },
  [F.DELETED]: {
    title: '範本已刪除',
    explanation: '範本已被刪除,無法再傳送。',
    possible: [],
    solutions: ['改用其他已核准的範本。', '若要沿用同一個名稱,請在刪除 30 天後重新建立。'],
  },
  [F.LIMIT_EXCEEDED]: {
    title: '範本超過帳號的範本數量上限',
    explanation: '這個 WhatsApp 商業帳號的範本數量已達上限,所以這個範本沒有被接受。',
    possible: [],
    solutions: ['刪除不再使用的範本後,重新建立這個範本。', '改用現有已核准的範本。'],
  },
  [F.ARCHIVED]: {
    title: '範本已封存',
    explanation: '範本已封存:無法傳送,除非取消封存,否則 Meta 會在 28 天後刪除它。',
    possible: [],
    solutions: ['在 WhatsApp 管理工具中取消封存範本,或改用其他已核准的範本。'],
  },
  [F.STATUS_UNKNOWN]: {
    title: '範本狀態不明',
    explanation: '閘道不知道範本目前的狀態,無法判斷 Meta 是否會接受傳送。',
    possible: [],
    solutions: ['同步範本後再查看狀態。'],
  },
  [F.LOW_QUALITY]: {
    title: '範本品質偏低',
    explanation:
      '範本可以傳送,但品質評分偏低:顧客一直在封鎖或檢舉它的訊息。評分降到最低時 Meta 會暫停範本,第一次 {firstPauseHours} 小時、第二次 {secondPauseHours} 小時,第三次則停用。',
    possible: ['收件人沒有預期收到訊息,或沒有同意接收。', '內容太偏促銷、太頻繁,或與收件人無關。'],
    solutions: ['降低傳送頻率,只傳給主動要求的顧客。', '在評分繼續下降前改善內容,或改用其他範本。'],
  },
};
