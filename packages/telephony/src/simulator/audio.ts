// Stand-in audio for the simulator's recordings: a typed voicemail becomes a real WAV file (a quiet tone as
// long as the text would take to say), so that whatever streams a recording gets a file a player accepts.

const SAMPLE_RATE = 8000
/** Characters spoken per second, roughly, for Chinese and English alike: the length of a typed message. */
const CHARACTERS_PER_SECOND = 4

/** Seconds a typed text would take to say: at least 1, at most `maxSeconds`. */
export function spokenSeconds(text: string, maxSeconds: number): number {
  const chars = [...text.trim()].length
  return Math.max(1, Math.min(maxSeconds, Math.ceil(chars / CHARACTERS_PER_SECOND)))
}

/** A mono 16-bit PCM WAV file of `seconds`: a soft 440 Hz tone (silence is indistinguishable from a bug). */
export function toneWav(seconds: number): Uint8Array {
  const samples = Math.max(1, Math.round(seconds * SAMPLE_RATE))
  const dataBytes = samples * 2
  const buf = Buffer.alloc(44 + dataBytes)
  buf.write('RIFF', 0, 'ascii')
  buf.writeUInt32LE(36 + dataBytes, 4)
  buf.write('WAVE', 8, 'ascii')
  buf.write('fmt ', 12, 'ascii')
  buf.writeUInt32LE(16, 16) // fmt chunk size
  buf.writeUInt16LE(1, 20) // PCM
  buf.writeUInt16LE(1, 22) // mono
  buf.writeUInt32LE(SAMPLE_RATE, 24)
  buf.writeUInt32LE(SAMPLE_RATE * 2, 28) // byte rate
  buf.writeUInt16LE(2, 32) // block align
  buf.writeUInt16LE(16, 34) // bits per sample
  buf.write('data', 36, 'ascii')
  buf.writeUInt32LE(dataBytes, 40)
  for (let i = 0; i < samples; i++) {
    buf.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE) * 1200), 44 + i * 2)
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
}

/**
 * Seconds of uploaded audio: exact for a PCM WAV (its data chunk over its byte rate), otherwise estimated at
 * 32 kbit/s (a voice-quality MP3, Ogg or WebM); at least 1.
 */
export function audioSeconds(audio: Uint8Array, contentType: string): number {
  const buf = Buffer.from(audio.buffer, audio.byteOffset, audio.byteLength)
  if (contentType === 'audio/wav' && buf.length >= 12 && buf.toString('ascii', 0, 4) === 'RIFF') {
    let byteRate = 0
    for (let at = 12; at + 8 <= buf.length; ) {
      const id = buf.toString('ascii', at, at + 4)
      const size = buf.readUInt32LE(at + 4)
      if (id === 'fmt ' && at + 16 <= buf.length) byteRate = buf.readUInt32LE(at + 16)
      if (id === 'data' && byteRate > 0) return Math.max(1, Math.round(size / byteRate))
      at += 8 + size + (size % 2)
    }
  }
  return Math.max(1, Math.round(audio.byteLength / 4000))
}
