export { buildGatewaySchema, buildSchemaForPrinting, type SchemaDependencies } from './build-schema';
export { printSchemaWithDirectives } from './print-sdl';
export { type Caller, type GatewayContext } from './context';
export { createLoaders, type Loaders } from './loaders';
export { GatewayError, GatewayErrorCode } from './gateway-error';
export { MessageSender, type SendOutcome } from './services/message-sender';
export { type SendMessageHandler } from './services/send-message-handler';
export { StatusEventStream } from './services/status-event-stream';
export { type SendMessageInput } from './inputs/send-message.input';
