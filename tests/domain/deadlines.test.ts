import { describe, expect, it } from 'vitest';
import { daysLeft, isOpen } from '../../src/domain/index.js';

describe('opportunity deadlines', () => {
  it('keep an opportunity open through its whole deadline day in its own country', () => {
    // 23:30 UTC on 15 March is already 16 March in Helsinki (UTC+2) but still 15 March in Reykjavik (UTC+0).
    const lateEvening = new Date('2027-03-15T23:30:00Z');
    expect(isOpen('2027-03-15', 'FI', lateEvening)).toBe(false);
    expect(isOpen('2027-03-15', 'IS', lateEvening)).toBe(true);
    expect(isOpen('2027-03-16', 'FI', lateEvening)).toBe(true);
  });

  it('follow summer time: midnight in Oslo is 22:00 UTC in July', () => {
    expect(isOpen('2027-07-01', 'NO', new Date('2027-07-01T21:59:00Z'))).toBe(true);
    expect(isOpen('2027-07-01', 'NO', new Date('2027-07-01T22:00:00Z'))).toBe(false);
  });

  it('treat a missing deadline as open', () => {
    expect(isOpen(null, 'DK', new Date('2099-01-01T00:00:00Z'))).toBe(true);
  });

  it('count the days left in the opportunity country', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    expect(daysLeft('2027-01-20', 'SE', now)).toBe(10);
    expect(daysLeft('2027-01-10', 'SE', now)).toBe(0);
    expect(daysLeft('2027-01-09', 'SE', now)).toBe(-1);
  });
});
