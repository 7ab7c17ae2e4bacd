import { getIdentity, setIdentity } from '../identity/identity';
import type { HandlersFor } from './handler-types';

export const identityHandlers: HandlersFor<'identity'> = {
  'identity.get': (_a, app) => getIdentity(app.requireSession()),
  'identity.set': (fields, app) => setIdentity(app.requireSession(), fields, app.policy.vaultRole),
};
