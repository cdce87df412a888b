// The service's code lists (countries, sectors, …), loaded once and shared by every form.
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { useApi } from './hooks';
import type { Vocabulary } from './types';
import { Loading, ProblemView } from './components/ui';

const VocabularyContext = createContext<Vocabulary | undefined>(undefined);

export function VocabularyProvider({ children }: { children: ComponentChildren }) {
  const { data, error } = useApi<Vocabulary>('/api/v1/vocabulary');
  if (error) return <ProblemView error={error} title="Could not load the code lists." />;
  if (!data) return <Loading what="code lists" />;
  return <VocabularyContext.Provider value={data}>{children}</VocabularyContext.Provider>;
}

export function useVocabulary(): Vocabulary {
  const v = useContext(VocabularyContext);
  if (!v) throw new Error('useVocabulary outside VocabularyProvider');
  return v;
}
