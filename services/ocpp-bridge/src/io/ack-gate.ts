import type { MqttClient } from "mqtt";

/**
 * Acknowledges a received QoS 1 message only while `accepting()`: once the bridge is stopping, a command
 * that still arrives is left unacknowledged at the broker, which delivers it again to the bridge's next
 * session (persistent, same client id), instead of being acknowledged here and dropped. mqtt.js emits
 * the message before it asks handleMessage, so the relay must check `accepting()` too.
 */
export function acknowledgeOnlyWhile(client: MqttClient, accepting: () => boolean): void {
  client.handleMessage = (_packet, done) => {
    if (accepting()) done();
    else done(new Error("stopping: message left at the broker"));
  };
}
