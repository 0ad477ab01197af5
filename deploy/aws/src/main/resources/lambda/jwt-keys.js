// Custom resource (CDK Provider framework): on create, writes a fresh RS256 signing key as a JWK Set of private keys
// into the secret account-service reads as JWT_SIGNING_KEYS. Updates and deletes leave the secret alone, so a
// redeploy never invalidates issued tokens; rotation (appending a newer key) is an operator's step.
const crypto = require('crypto');
const { SecretsManagerClient, PutSecretValueCommand } = require('@aws-sdk/client-secrets-manager');
const secrets = new SecretsManagerClient({});

exports.onEvent = async (event) => {
  const secretArn = event.ResourceProperties.SecretArn;
  if (event.RequestType !== 'Create') return { PhysicalResourceId: event.PhysicalResourceId };
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  // kids start with their creation time (yyyyMMddTHHmmssZ), the order account-service sorts keys in.
  const kid = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  await secrets.send(new PutSecretValueCommand({ SecretId: secretArn, SecretString: JSON.stringify({ keys: [jwk] }) }));
  return { PhysicalResourceId: secretArn };
};
