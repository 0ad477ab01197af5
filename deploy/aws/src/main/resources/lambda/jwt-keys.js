// Custom resource (CDK Provider framework) behind a token signing-key secret (account-service's JWT_SIGNING_KEYS,
// order-service's SERVICE_JWT_SIGNING_KEYS). On create it writes a fresh RS256 signing key as a JWK Set of private
// keys. On every create and update it answers the public halves of the keys in the secret as PublicJwks, which the
// stack hands to verifiers that cannot fetch the JWKS (cart-service for order-service's keys). It never rewrites an
// existing secret, so a redeploy never invalidates issued tokens; rotation (appending a newer key) is an operator's step.
const crypto = require('crypto');
const { SecretsManagerClient, PutSecretValueCommand, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');
const secrets = new SecretsManagerClient({});

const PUBLIC_MEMBERS = ['kty', 'kid', 'use', 'alg', 'n', 'e'];

function publicJwks(jwks) {
  const keys = jwks.keys.map((k) => Object.fromEntries(PUBLIC_MEMBERS.filter((m) => k[m] !== undefined).map((m) => [m, k[m]])));
  return JSON.stringify({ keys });
}

exports.onEvent = async (event) => {
  const secretArn = event.ResourceProperties.SecretArn;
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  let jwks;
  if (event.RequestType === 'Create') {
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    // kids start with their creation time (yyyyMMddTHHmmssZ), the order the services sort keys in.
    const kid = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    jwks = { keys: [{ ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] };
    await secrets.send(new PutSecretValueCommand({ SecretId: secretArn, SecretString: JSON.stringify(jwks) }));
  } else {
    const current = await secrets.send(new GetSecretValueCommand({ SecretId: secretArn }));
    jwks = JSON.parse(current.SecretString);
  }
  return { PhysicalResourceId: secretArn, Data: { PublicJwks: publicJwks(jwks) } };
};
