import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addContact, getContact, listContacts, updateContact, type Context } from '../../services/index.js';
import type { ContactPatch, NewContact } from '../../services/inputs.js';
import { idParams, parseEdge, queryText } from '../validation.js';

const listQuery = z
  .object({
    company: queryText.optional(),
    role: queryText.optional(),
    q: queryText.optional(),
  })
  .strict();

export function registerContactRoutes(app: FastifyInstance, ctx: Context): void {
  app.get('/api/contacts', async (request) => {
    const query = parseEdge(listQuery, request.query, 'contact list');
    return { contacts: await listContacts(ctx, query) };
  });

  app.post('/api/contacts', async (request, reply) => {
    const contact = await addContact(ctx, request.body as NewContact);
    return reply.status(201).send(contact);
  });

  app.get('/api/contacts/:id', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'contact');
    return getContact(ctx, id);
  });

  app.patch('/api/contacts/:id', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'contact');
    return updateContact(ctx, id, request.body as ContactPatch);
  });
}
