// The simulator's recordings: voicemails and recorded bridges kept in memory (the oldest dropped beyond
// the limit), fetched and deleted through the port, and the fields and status callbacks that report them.
import { type Recording, TelephonyError } from '../port.ts'
import { type CallRec, note } from './call.ts'
import { API_VERSION, sid } from './common.ts'
import type { Engine } from './engine.ts'

export interface StoredRecording {
  id: string
  callId: string
  contentType: string
  data: Uint8Array
  durationSeconds: number
  text?: string
}

const RECORDING_BASE = 'https://simulator.invalid'
const CHUNK_BYTES = 64 * 1024

export class RecordingStore {
  private readonly recordings = new Map<string, StoredRecording>()

  constructor(
    private readonly accountSid: string,
    private readonly max: number,
  ) {}

  store(
    rec: CallRec,
    contentType: string,
    data: Uint8Array,
    meta: { durationSeconds: number; text?: string },
  ): StoredRecording {
    const recording: StoredRecording = { id: sid('RE'), callId: rec.view.callId, contentType, data, ...meta }
    this.recordings.set(recording.id, recording)
    // recordings of calls long gone go with them
    while (this.recordings.size > this.max) {
      const oldest = this.recordings.keys().next().value
      if (oldest === undefined) break
      this.recordings.delete(oldest)
    }
    return recording
  }

  /** The recording's fields in an action or a status callback. */
  fields(recording: StoredRecording): Record<string, string> {
    return {
      RecordingSid: recording.id,
      RecordingUrl: `${RECORDING_BASE}/${API_VERSION}/Accounts/${this.accountSid}/Recordings/${recording.id}`,
      RecordingDuration: String(recording.durationSeconds),
    }
  }

  fetch(recordingId: string): Recording {
    const recording = this.recordings.get(recordingId)
    if (!recording)
      throw new TelephonyError('not_found', 'The recording was not found (error 20404)', false, 404)
    const data = recording.data
    async function* chunks(): AsyncIterable<Uint8Array> {
      for (let at = 0; at < data.byteLength; at += CHUNK_BYTES) yield data.subarray(at, at + CHUNK_BYTES)
    }
    return { contentType: recording.contentType, body: chunks(), length: data.byteLength }
  }

  delete(recordingId: string): void {
    if (!this.recordings.delete(recordingId)) {
      throw new TelephonyError('not_found', 'The recording was not found (error 20404)', false, 404)
    }
  }
}

/** The recording status callback of a <Record> or a recorded <Dial>. */
export async function postRecordingStatus(
  sim: Engine,
  rec: CallRec,
  url: string,
  recording: StoredRecording,
  source: 'RecordVerb' | 'DialVerb',
): Promise<void> {
  const params = {
    AccountSid: sim.accountSid,
    CallSid: rec.view.callId,
    ...sim.recordings.fields(recording),
    RecordingStatus: 'completed',
    RecordingChannels: source === 'DialVerb' ? '2' : '1',
    RecordingSource: source,
    RecordingStartTime: new Date().toUTCString(),
  }
  const res = await sim.poster.post(url, params)
  if (!res.ok) note(rec, 'error', `the recording status callback was answered ${res.status}`)
}
