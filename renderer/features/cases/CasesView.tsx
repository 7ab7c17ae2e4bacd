import { CaseDetailView } from './CaseDetailView';
import { CaseList } from './CaseList';
import { useCasesStore } from './cases-store';

/** The Cases area: the list, or one case when it is open. */
export function CasesView() {
  const openId = useCasesStore((s) => s.openId);
  return openId === null ? <CaseList /> : <CaseDetailView />;
}
