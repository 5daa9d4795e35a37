// The telephony simulator (`@tingjian/telephony/simulator`): the one-machine adapter of the telephony port,
// playing Twilio's part, and the driver of the hotline's tests.
export { type SimulatorRoutesOptions, simulatorRoutes } from './routes.ts'
export {
  type CallState,
  httpTransport,
  type Injectable,
  injectTransport,
  type PhoneBehaviour,
  type SimulatedCall,
  type SimulatedSms,
  type SimulatorLogger,
  type SimulatorOptions,
  TelephonySimulator,
  type TranscriptKind,
  type VoicemailContent,
  type WebhookTransport,
} from './simulator.ts'
export { createSimulatorSmsClient, type SimulatorSmsClientOptions } from './sms-client.ts'
