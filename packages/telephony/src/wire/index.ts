// Twilio's wire protocol, shared by the Twilio adapter and the simulator (which plays Twilio's part).
export { parseCallParams, parseSmsStatusParams } from './params.ts'
export { SIGNATURE_HEADER, signRequest, verifySignedRequest } from './signature.ts'
export { renderTwiml } from './twiml.ts'
