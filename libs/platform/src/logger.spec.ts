import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { buildLogger, scrubText } from './logger.js';

describe('scrubText', () => {
  it.each([
    ['call 13812341234 now', 'call 138****1234 now'],
    ['E.164 +8613812341234', 'E.164 +86138****1234'],
    ['Authorization: Bearer eyJhbGciOi.abc.def', 'Authorization: Bearer [redacted]'],
    ['key atr_live_ab12cd34_secretsecret', 'key atr_[redacted]'],
    ['order 2026112200001 total 12000', 'order 2026112200001 total 12000'],
  ])('%s → %s', (input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });
});

describe('process logger', () => {
  const capture = () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    return { logger: buildLogger(sink, 'info'), text: () => lines.join('') };
  };

  it('redacts passwords, codes, tokens, keys and phones held in objects, at any depth we log', () => {
    const { logger, text } = capture();
    logger.info({ input: { password: 's3cret!', code: '654321', phone: '13812341234', refreshToken: 'rt-abc' } }, 'login');
    logger.info({ req: { headers: { authorization: 'Bearer xyz', 'x-api-key': 'atr_live_k' } } }, 'request');
    logger.info({ variables: { input: { phone: '13912345678' } } }, 'nested');
    expect(text()).not.toMatch(/s3cret!|654321|13812341234|rt-abc|Bearer xyz|atr_live_k|13912345678/);
    expect(text()).toContain('[redacted]');
  });

  it('scrubs phones and bearer tokens from message text', () => {
    const { logger, text } = capture();
    logger.info('sms to 13812341234 failed with Bearer abc.def');
    expect(text()).toContain('138****1234');
    expect(text()).not.toMatch(/13812341234|abc\.def/);
  });
});
