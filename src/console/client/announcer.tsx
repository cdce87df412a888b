// One polite live region for the whole console: actions whose result is not where the focus is
// (a meeting pinned, a participant added) say what happened.
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useState } from 'preact/hooks';

const AnnounceContext = createContext<(message: string) => void>(() => undefined);

export function Announcer({ children }: { children: ComponentChildren }) {
  const [message, setMessage] = useState('');
  // The same words twice in a row must be announced twice: clear, then set.
  const announce = useCallback((text: string) => {
    setMessage('');
    requestAnimationFrame(() => setMessage(text));
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <p class="visually-hidden" role="status" aria-live="polite" id="announcer">
        {message}
      </p>
    </AnnounceContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnounceContext);
