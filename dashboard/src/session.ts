import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api/client.ts';
import type { MeView } from './api/views.ts';
import type { Auth } from './auth/auth.ts';

/** Who is signed in and how to reach the API as them: set once at boot. */
export interface Session {
  api: Api;
  auth: Auth;
  me: MeView;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside SessionContext');
  return session;
}
