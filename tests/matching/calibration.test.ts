// Strength words from an isotonic fit: monotone in the score, cautious where data is thin.
import { describe, expect, it } from 'vitest';
import { fitCalibration, probabilityOf, strengthOf } from '../../src/matching/index.js';

const sample = (score: number, relevant: boolean, rank = 1) => ({ score, rank, relevant });

describe('strength calibration', () => {
  it('maps higher scores to probabilities that never decrease', () => {
    const samples = [...Array(200).keys()].map((i) => sample(i / 200, (i * 7919) % 200 < i));
    const fit = fitCalibration(samples, 'test');
    const probabilities = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99].map((s) => probabilityOf(fit, s, 1));
    expect(probabilities).toEqual([...probabilities].sort((a, b) => a - b));
    expect(probabilities.at(-1)).toBeGreaterThan(probabilities[0]!);
  });

  it('gives every result of one score the share judged relevant at that score', () => {
    const fit = fitCalibration([...Array(20).fill(sample(0.4, true)), ...Array(20).fill(sample(0.4, false))], 'test', 1);
    expect(probabilityOf(fit, 0.4, 1)).toBe(0.5);
    expect(probabilityOf(fit, 0.39, 1)).toBe(0);
  });

  it('does not trust a top step backed by a handful of results', () => {
    const samples = [...Array(50).fill(sample(0.3, false)), ...Array(50).fill(sample(0.5, true)), sample(0.5, false), sample(0.9, true), sample(0.95, true)];
    const fit = fitCalibration(samples, 'test', 10);
    expect(probabilityOf(fit, 0.95, 1)).toBeLessThan(1);
  });

  it('reads a lower place as less likely at the same score', () => {
    const fit = fitCalibration([...Array(30).fill(sample(0.5, false)), ...Array(30).fill(sample(0.6, true))], 'test', 1);
    expect(probabilityOf(fit, 0.6, 1)).toBe(1);
    expect(probabilityOf(fit, 0.6, 5)).toBe(0);
  });

  it('calls a match that shares only generic words no more than "some"', () => {
    expect(strengthOf(0.99, true)).toBe('very strong');
    expect(strengthOf(0.92, true)).toBe('strong');
    expect(strengthOf(0.6, true)).toBe('good');
    expect(strengthOf(0.99, false)).toBe('some');
  });
});
