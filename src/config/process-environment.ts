import { config as readDotenv } from 'dotenv';
import { type Environment } from './load-config';

/**
 * The one place that reads `process.env`: the process environment, with a `.env` file in the working
 * directory filling in what the environment does not set.
 */
export function readProcessEnvironment(): Environment {
  const fromFile = readDotenv({ processEnv: {}, quiet: true }).parsed ?? {};
  return { ...fromFile, ...process.env };
}
