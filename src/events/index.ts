// Public surface of events: the agenda problem, the scheduler, its independent validator, statistics.
export { pairKey, type AgendaProblem, type Attendee, type EventSetup, type Meeting, type Slot, type Wish } from './agenda.js';
export { TIERS, allowedEdges, meetingCap, schedule, type Edge, type ScheduleProgress, type ScheduleResult } from './scheduler.js';
export { agendaViolations } from './validate-agenda.js';
export { brokenPinRule, pinClash, type BrokenRule } from './pin-rules.js';
export { agendaStatistics, type AgendaStatistics } from './statistics.js';
export { objectiveUpperBound, type UpperBound } from './upper-bound.js';
export { belowReachableMinimum, meetingCountBound, reachableMeetings } from './reachable.js';
export { calendarAfter, calendarOfAgenda, scheduleChanges, slotTimes } from './changes.js';
