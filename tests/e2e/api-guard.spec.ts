// Browser mode's API answers only this run's token, from its own origin and host.
import { expect, test } from './fixtures.js';

test('the API refuses a missing token', async ({ request, server }) => {
  const response = await request.post(`${server.origin}/api/app.info`, { data: {} });
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe('unauthorized');
});

test('the API refuses a foreign Origin even with the token', async ({ request, server }) => {
  const response = await request.post(`${server.origin}/api/app.info`, {
    data: {},
    headers: { Authorization: `Bearer ${server.token}`, Origin: 'http://evil.example' },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe('forbidden');
});

test('the API answers with the token and rejects bad input at the boundary', async ({ request, server }) => {
  const headers = { Authorization: `Bearer ${server.token}` };
  const ok = await request.post(`${server.origin}/api/customers.list`, { data: { limit: 5 }, headers });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.ok).toBe(true);
  expect(body.value.rows).toHaveLength(5);

  const bad = await request.post(`${server.origin}/api/customers.list`, { data: { limit: 5000 }, headers });
  expect(bad.status()).toBe(400);
  const error = (await bad.json()).error;
  expect(error.code).toBe('invalid_input');
  expect(error.message).toContain('limit');
});
