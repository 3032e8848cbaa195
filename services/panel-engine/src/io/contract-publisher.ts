import { profileCommandProperties, type ProfileCommand } from "@smart-charge/contracts";
import { ContractPublisher as SchemaCheckedPublisher } from "@smart-charge/service-kit";

/** service-kit's publisher, plus profile commands with their MQTT 5 extras (expiry, correlation). */
export class ContractPublisher extends SchemaCheckedPublisher {
  publishCommand(topic: string, command: ProfileCommand, now: number): void {
    this.publish("profileCommand", topic, command, () => profileCommandProperties(command, now));
  }
}
