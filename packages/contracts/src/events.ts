// The platform's event catalogue. Each service's events are defined here, next to each other, so that
// the catalogue is one document. Event type names are part of the wire contract: renaming one is a new
// event (and a migration for the consumers of the old one).
import { EventCatalogue } from './catalogue.ts'

export const catalogue = new EventCatalogue()
