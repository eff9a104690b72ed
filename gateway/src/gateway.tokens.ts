/** DI tokens of the gateway (classes are their own tokens). */
export const GATEWAY_CONFIG = Symbol('GatewayConfig');
export const GATEWAY_KAFKA = Symbol('GatewayKafka');
/** The producer of the gateway's outbox relay. */
export const GATEWAY_PRODUCER = Symbol('GatewayProducer');
