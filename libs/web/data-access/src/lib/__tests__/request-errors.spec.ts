import { describeError, missingFieldsOf } from '../request-errors';

describe('describeError', () => {
  it('reads code, message and details of an Apollo error', () => {
    const error = {
      graphQLErrors: [
        {
          message: 'guestName, contact are required before a handoff',
          extensions: { code: 'MANDATORY_FIELDS_MISSING', details: { missingFields: ['guestName', 'contact', 3] } },
        },
      ],
    };
    const info = describeError(error);
    expect(info.code).toBe('MANDATORY_FIELDS_MISSING');
    expect(info.message).toContain('required');
    expect(missingFieldsOf(info)).toEqual(['guestName', 'contact']);
  });

  it('has empty details for transport failures', () => {
    const info = describeError({ networkError: { statusCode: 502 } });
    expect(info).toEqual({ code: 'NETWORK_ERROR', message: null, details: {} });
  });
});
