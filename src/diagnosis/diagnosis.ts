import { type DiagnosisCause } from './diagnosis-cause';
import { type Locale } from './locale';
import { type Verdict } from './verdict';

export interface DiagnosisLink {
  title: string;
  url: string;
}

/** The answer to "why did this message (or call) fail, and what now?", in one locale. */
export interface Diagnosis {
  verdict: Verdict;
  cause: DiagnosisCause;
  /** The Meta error code behind the cause, when there is one. */
  code: number | null;
  title: string;
  explanation: string;
  possibleCauses: string[];
  /** What the business can do. */
  solutions: string[];
  /** What to ask the WhatsApp user through another channel. */
  endUserSteps: string[];
  retryable: boolean;
  /** How long to wait before a retry; null when not retryable or when no figure is known. */
  retryAfterSeconds: number | null;
  links: DiagnosisLink[];
  /** The facts used, strongest first, including the weaker findings that did not win. */
  evidence: string[];
  locale: Locale;
}
