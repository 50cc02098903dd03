import { conversationScenario } from './conversation.scenario';
import { fanOutScenario } from './fan-out.scenario';
import { ingestScenario } from './ingest.scenario';
import { memoryScenario } from './memory.scenario';
import { multiInstanceScenario } from './multi-instance.scenario';
import { pluginsScenario } from './plugins.scenario';
import { readScenario } from './read.scenario';
import { resumeScenario } from './resume.scenario';
import { retentionScenario } from './retention.scenario';
import { sendScenario } from './send.scenario';
import { type Scenario } from './scenario-context';

export { type Scenario, type ScenarioContext } from './scenario-context';

/** In the order `npm run bench` runs them. */
export const SCENARIOS: readonly Scenario[] = [
  sendScenario,
  pluginsScenario,
  readScenario,
  conversationScenario,
  ingestScenario,
  fanOutScenario,
  resumeScenario,
  multiInstanceScenario,
  memoryScenario,
  retentionScenario,
];
