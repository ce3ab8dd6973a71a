// The typed contract client for the whole UI: the Electron bridge when present, else browser mode's HTTP.
import { createContext, useContext, type ReactNode } from 'react';
import { bridgeTransport, type BranchLoopBridge } from '../../electron/api/bridge.js';
import { createClient, type ApiClient } from '../../electron/api/client.js';
import { httpTransport, takeToken } from './httpTransport.js';

declare global {
  interface Window {
    /** Defined by the preload in the desktop app; absent in browser mode. */
    branchloop?: BranchLoopBridge;
  }
}

/** Null when neither transport can work (browser mode opened without its token). */
export function createApi(): ApiClient | null {
  if (window.branchloop) return createClient(bridgeTransport(window.branchloop));
  const token = takeToken();
  return token ? createClient(httpTransport(token)) : null;
}

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider(props: { api: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={props.api}>{props.children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
