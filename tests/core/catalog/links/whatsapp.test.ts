import { describe, expect, it } from 'vitest';
import { accept, refuse } from './helpers';

describe('WhatsApp', () => {
  it.each([
    [
      'https://whatsapp.com/channel/0029VaA1bCdEfGhIjKlMn2o3',
      'whatsapp:channel:0029VaA1bCdEfGhIjKlMn2o3',
      'channel',
      'https://whatsapp.com/channel/0029VaA1bCdEfGhIjKlMn2o3',
    ],
    [
      'https://www.whatsapp.com/channel/0029VaA1bCdEfGhIjKlMn2o3/120',
      'whatsapp:channel:0029VaA1bCdEfGhIjKlMn2o3',
      'channel',
      'https://whatsapp.com/channel/0029VaA1bCdEfGhIjKlMn2o3',
    ],
    [
      'https://chat.whatsapp.com/E6Xy9Zabc12DefGhI3jKlm',
      'whatsapp:invite:E6Xy9Zabc12DefGhI3jKlm',
      'invite',
      'https://chat.whatsapp.com/E6Xy9Zabc12DefGhI3jKlm',
    ],
    [
      'chat.whatsapp.com/invite/E6Xy9Zabc12DefGhI3jKlm',
      'whatsapp:invite:E6Xy9Zabc12DefGhI3jKlm',
      'invite',
      'https://chat.whatsapp.com/E6Xy9Zabc12DefGhI3jKlm',
    ],
    ['https://wa.me/6281234567890', 'whatsapp:phone:6281234567890', 'account', 'https://wa.me/6281234567890'],
    ['wa.me/+6281234567890?text=halo', 'whatsapp:phone:6281234567890', 'account', 'https://wa.me/6281234567890'],
    [
      'https://api.whatsapp.com/send?phone=6281234567890&text=hi',
      'whatsapp:phone:6281234567890',
      'account',
      'https://wa.me/6281234567890',
    ],
    [
      'https://api.whatsapp.com/send/?phone=%2B6281234567890',
      'whatsapp:phone:6281234567890',
      'account',
      'https://wa.me/6281234567890',
    ],
    [
      'https://web.whatsapp.com/send?phone=6281234567890',
      'whatsapp:phone:6281234567890',
      'account',
      'https://wa.me/6281234567890',
    ],
  ])('%s → %s', (input, key, kind, canonicalUrl) => {
    const link = accept(input);
    expect(link).toMatchObject({ platform: 'whatsapp', key, kind, canonicalUrl });
  });

  it('fills the post of a channel update and keeps channel ids case-sensitive', () => {
    expect(accept('https://whatsapp.com/channel/0029VaA1bCdEfGhIjKlMn2o3/120').post).toEqual({
      id: '120',
      url: 'https://whatsapp.com/channel/0029VaA1bCdEfGhIjKlMn2o3/120',
    });
    expect(accept('https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv').key).not.toBe(
      accept('https://chat.whatsapp.com/abcdefghijklmnopqrstuv').key,
    );
  });

  it.each([
    ['https://wa.me/', 'not-a-channel'],
    ['https://wa.me/message/ABCDEFGHIJKL1', 'not-a-channel'],
    ['https://wa.me/123', 'invalid-handle'],
    ['https://chat.whatsapp.com/short', 'invalid-handle'],
    ['https://whatsapp.com/channel/bad-id!', 'invalid-handle'],
    ['https://api.whatsapp.com/send?text=hi', 'unparseable'],
    ['https://www.whatsapp.com/download', 'not-a-channel'],
    ['https://faq.whatsapp.com/12345', 'not-a-channel'],
  ])('%s → %s', (input, code) => {
    expect(refuse(input).code).toBe(code);
  });
});
