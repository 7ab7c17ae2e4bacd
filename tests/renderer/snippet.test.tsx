import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Snippet } from '../../renderer/features/search/SearchView';
import { splitSnippet } from '../../renderer/features/search/snippet';

const m = (s: string) => `\uE000${s}\uE001`;

describe('search snippet highlighting', () => {
  it('splits marked matches from the text around them', () => {
    expect(splitSnippet(`…diunggah oleh ${m('zamrud')} pada ${m('malam')} hari`)).toEqual([
      { text: '…diunggah oleh ', mark: false },
      { text: 'zamrud', mark: true },
      { text: ' pada ', mark: false },
      { text: 'malam', mark: true },
      { text: ' hari', mark: false },
    ]);
  });

  it('leaves brackets that are part of the content as text', () => {
    expect(splitSnippet(`[BREAKING] kanal ${m('propaganda')} [baru]`)).toEqual([
      { text: '[BREAKING] kanal ', mark: false },
      { text: 'propaganda', mark: true },
      { text: ' [baru]', mark: false },
    ]);
  });

  it('copes with stray markers and empty input', () => {
    expect(splitSnippet('a \uE001 b')).toEqual([{ text: 'a \uE001 b', mark: false }]);
    expect(splitSnippet('')).toEqual([]);
  });

  it('renders markup in a snippet as text inside <mark>, never as HTML', () => {
    const { container } = render(<Snippet text={`judul ${m('<img src=x onerror=alert(1)>')} lain`} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
