/** Who sent an outbound message: the gateway, or the business from its phone. */
export enum MessageOrigin {
  /** Sent through the gateway (`sendMessage`, the Cloud API). A record without `origin` is one of these. */
  API = 'API',
  /**
   * Sent from the WhatsApp Business app on a number that is on the app and the Cloud API at once
   * (coexistence); Meta reports each one with an `smb_message_echoes` webhook.
   */
  BUSINESS_APP = 'BUSINESS_APP',
}
