export { ApiKeyAuthenticator } from './api-key-authenticator';
export {
  createGatewayServer,
  type GatewayServer,
  type GatewayServerOptions,
  type LifecycleState,
} from './gateway-server';
export { type ReadinessCheck } from './health-routes';
