import { describe, expect, it } from 'vitest';
import { appError, ErrorCodes, formatMessage, MESSAGES, notFound } from '../src/errors.js';

describe('the error catalogue', () => {
  it('fills every placeholder of a template from its parameters', () => {
    expect(formatMessage('STALE_VERSION', { kind: 'company', id: 'fi-a', version: 3 })).toBe(
      'The company "fi-a" was changed meanwhile (it is now at version 3); load it again and redo the change.',
    );
    expect(formatMessage('BODY_REQUIRED', {})).toBe('A JSON body is required.');
  });

  it('leaves no placeholder unfilled in any message when given every parameter it names', () => {
    for (const [name, { template }] of Object.entries(MESSAGES)) {
      const params = Object.fromEntries([...template.matchAll(/\{(\w+)\}/g)].map(([, key]) => [key, 'x']));
      expect(formatMessage(name as keyof typeof MESSAGES, params as never), name).not.toMatch(/\{\w+\}/);
    }
  });

  it('gives each error its catalogue code and the fields at fault', () => {
    const err = appError('IMPORT_RUNNING', { id: 'import_1' }, [{ path: 'body', message: 'busy' }]);
    expect([err.code, err.message, err.issues]).toEqual([
      ErrorCodes.CONFLICT,
      'Import import_1 is still running; start the next one when it has finished.',
      [{ path: 'body', message: 'busy' }],
    ]);
  });

  it('builds every 404 alike: the kind, the id, and the field that held it', () => {
    const err = notFound('event', 'ev-1');
    expect([err.code, err.message, err.issues]).toEqual([ErrorCodes.NOT_FOUND, 'No event with id "ev-1".', [{ path: 'id', message: 'not found' }]]);
    expect(notFound('company', 'fi-a', 'companyId').issues).toEqual([{ path: 'companyId', message: 'not found' }]);
  });
});
