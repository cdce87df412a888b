// Matchmaking events: create and change them, register participants (existing companies or new
// profiles), pin and remove meetings; one verb per file in ./events/. Every change is one
// transaction on the event document (./events/event-store.ts).
export { createEvent } from './events/create-event.js';
export { changeEvent, getEvent, getVersionedEvent, participantOf } from './events/event-store.js';
export { patchEvent } from './events/patch-event.js';
export { deleteEvent } from './events/delete-event.js';
export { listEvents } from './events/list-events.js';
export { listParticipants } from './events/list-participants.js';
export { addParticipant } from './events/add-participant.js';
export { patchParticipant } from './events/patch-participant.js';
export { removeParticipant, withoutCompany, withoutParticipant } from './events/remove-participant.js';
export { pinMeeting } from './events/pin-meeting.js';
export { unpinMeeting } from './events/unpin-meeting.js';
export { removeMeeting } from './events/remove-meeting.js';
export { restorePair } from './events/restore-pair.js';
