export {
  assertFilename,
  assertMediaType,
  assertPutInput,
  ContentMeter,
  isBlobId,
  newBlobId,
  resolveContentType,
} from './ingest.ts'
export * from './port.ts'
export { DOCX, JPEG, PDF, PNG, requireContentType, type SniffedType, sniffContentType } from './sniff.ts'
