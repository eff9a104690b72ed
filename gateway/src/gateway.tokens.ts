/** DI tokens of the gateway (classes are their own tokens). */
export const GATEWAY_CONFIG = Symbol('GatewayConfig');
export const GATEWAY_KAFKA = Symbol('GatewayKafka');
