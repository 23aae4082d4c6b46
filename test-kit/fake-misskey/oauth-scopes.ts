// The scopes of Misskey 2025.5.0's OAuth metadata, in its order (wire/oauth-metadata.txt): the
// same list the app falls back on, so it is kept once, in the app's shared code.
import { knownPermissions } from '../../src/shared/misskey-permissions.ts'

export const oauthScopes: string[] = [...knownPermissions]
