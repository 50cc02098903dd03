export { Scope, type ApiKey, type Config, type StoreConfig, type UpstreamConfig } from './config';
export { DEFAULT_GRAPH_API_VERSION, loadConfig, type ConfigResult, type Environment } from './load-config';
export { readProcessEnvironment } from './process-environment';
export { CONFIG_VARIABLES, type ConfigVariable, type ConfigVariableName } from './variables';
