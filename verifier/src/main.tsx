import './no-eval';
import { createRoot } from 'react-dom/client';
import '../../renderer/app/styles.css';
import './verifier.css';
import { VerifierApp } from './VerifierApp';

createRoot(document.getElementById('root') as HTMLElement).render(<VerifierApp />);
