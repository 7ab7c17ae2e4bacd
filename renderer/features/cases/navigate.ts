/**
 * Ways into the Cases area from elsewhere (search hits of kind "case", the dashboard's overdue
 * tile): always the list or one case, never a stale detail page.
 */
import { useNavStore } from '../../app/nav-store';
import { useSearchStore } from '../search/search-store';
import { useCasesStore } from './cases-store';

export function openCase(id: number): void {
  useSearchStore.getState().hide();
  useNavStore.getState().go('cases');
  useCasesStore.getState().open(id);
}

export function showCases(): void {
  useSearchStore.getState().hide();
  useNavStore.getState().go('cases');
  useCasesStore.getState().close();
}
