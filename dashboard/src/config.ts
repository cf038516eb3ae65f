import * as z from 'zod/mini';

const Https = z.url({ protocol: /^https?$/ });

/* Written by whoever deploys the page (CDK on AWS, the local server on loopback): checked before anything trusts it. */
const AppConfig = z.discriminatedUnion('auth', [
  z.object({ auth: z.literal('local') }),
  z.object({
    auth: z.literal('cognito'),
    apiUrl: Https,
    cognitoDomain: Https,
    clientId: z.string().check(z.minLength(1)),
    redirectUri: Https,
  }),
]);
export type AppConfig = z.infer<typeof AppConfig>;
export type CognitoConfig = Extract<AppConfig, { auth: 'cognito' }>;

export class ConfigError extends Error {}

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new ConfigError(`Không tải được cấu hình /config.json (HTTP ${response.status})`);
  const parsed = AppConfig.safeParse(await response.json());
  if (!parsed.success) throw new ConfigError(`Tệp /config.json không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'auth'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
