import { render } from 'preact';
import { App } from './App.tsx';
import { ApiError, createApi } from './api/client.ts';
import type { MeView } from './api/views.ts';
import { localAuth, type Auth } from './auth/auth.ts';
import { cognitoAuth } from './auth/cognito.ts';
import { loadConfig } from './config.ts';
import { SessionContext } from './session.ts';
import './styles.css';

const root = document.getElementById('app');

function fatal(message: string): void {
  if (root === null) return;
  root.innerHTML = '';
  const banner = Object.assign(document.createElement('div'), { className: 'error-banner', textContent: message });
  banner.setAttribute('role', 'alert');
  banner.dataset.testid = 'error-banner';
  root.append(banner);
}

/* Boot: the deployment's config, then who the user is; nothing renders until both are known. */
async function boot(): Promise<void> {
  const config = await loadConfig();
  const auth: Auth | undefined = config.auth === 'local' ? localAuth : await cognitoAuth(config);
  if (auth === undefined || root === null) return;
  const api = createApi(auth);
  const me = await api.get<MeView>('/api/me');
  // Preact diffs against what is in the container: the static "Đang tải…" must go first.
  root.textContent = '';
  render(
    <SessionContext.Provider value={{ api, auth, me }}>
      <App />
    </SessionContext.Provider>,
    root,
  );
}

boot().catch((error: unknown) => {
  // A 401 has already sent the browser to the sign-in page.
  if (error instanceof ApiError && error.status === 401) return;
  fatal(error instanceof Error ? error.message : 'Không khởi động được trang.');
});
