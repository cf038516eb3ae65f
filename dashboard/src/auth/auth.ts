/** How the page reaches the API as the signed-in user, whichever sign-in the deployment uses. */
export interface Auth {
  /** prefix of every API path ('' for the same origin) */
  apiBase: string;
  /** headers that prove who is asking */
  headers(): Record<string, string>;
  credentials: RequestCredentials;
  /** leaves the page for a sign-in (the session expired or never existed) */
  signIn(): void;
  /** where "Đăng xuất" leads, when sign-out is the page's business */
  signOut?: () => void;
  /** where "Đổi người dùng" leads in the local stack */
  switchUserHref?: string;
}

const LOCAL_SIGN_IN = '/local/sign-in';

/* Locally the server's session cookie says who the user is; the sign-in page belongs to the local server. */
export const localAuth: Auth = {
  apiBase: '',
  headers: () => ({}),
  credentials: 'same-origin',
  signIn: () => window.location.assign(LOCAL_SIGN_IN),
  switchUserHref: LOCAL_SIGN_IN,
};
