export { buildGatewaySchema, buildSchemaForPrinting, type SchemaDependencies } from './build-schema';
export { printSchemaWithDirectives } from './print-sdl';
export {
  type Caller,
  type GatewayContext,
  type LiveStreams,
  RequestContext,
  type RequestContextSources,
} from './context';
export { createLoaders, type Loaders } from './loaders';
export { GatewayError, GatewayErrorCode } from './gateway-error';
export { toGatewayError, withGatewayCause } from './domain-errors';
export { CompiledExecution, type OperationRun } from './execution/compiled-execution';
