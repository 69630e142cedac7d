import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { asApiError, useLoad } from '../api/useLoad';
import { CONTACT_ROLES, type Contact } from '../api/types';
import { announce } from '../components/announce';
import { ErrorNote, FormMessage, Loading, Page, Section } from '../components/ui';
import { t } from '../text';

type Message = { text: string; tone: 'ok' | 'error' } | null;

function ContactForm({
  contact,
  onSaved,
  onCancel,
}: {
  contact?: Contact;
  onSaved: (c: Contact) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const input: Record<string, unknown> = { name: value('name'), role: value('role') };
    for (const key of ['email', 'company', 'phone', 'linkedin', 'notes']) {
      const v = value(key);
      const before = contact
        ? ((key === 'company' ? contact.companyName : contact[key as keyof Contact]) ?? '')
        : '';
      if (contact ? v !== before : v !== '') input[key] = v === '' ? null : v;
    }
    setBusy(true);
    setMessage(null);
    try {
      const saved = contact ? await api.updateContact(contact.id, input) : await api.addContact(input);
      const text = contact ? t.contacts.updated(saved.name) : t.contacts.added(saved.name);
      announce(text);
      if (!contact) form.reset();
      onSaved(saved);
    } catch (err) {
      setMessage({ text: asApiError(err).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="contact-form"
      aria-label={contact ? t.contacts.editContact(contact.name) : t.contacts.add}
    >
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t.contacts.name}</label>
          <input id={`${id}-name`} name="name" required defaultValue={contact?.name} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t.contacts.email}</label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            defaultValue={contact?.email ?? ''}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t.contacts.role}</label>
          <select id={`${id}-role`} name="role" defaultValue={contact?.role ?? 'recruiter'}>
            {CONTACT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t.contactRoles[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-company`}>{t.contacts.company}</label>
          <input
            id={`${id}-company`}
            name="company"
            defaultValue={contact?.companyName ?? ''}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phone`}>{t.contacts.phone}</label>
          <input
            id={`${id}-phone`}
            name="phone"
            type="tel"
            defaultValue={contact?.phone ?? ''}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-linkedin`}>{t.contacts.linkedin}</label>
          <input
            id={`${id}-linkedin`}
            name="linkedin"
            type="url"
            placeholder="https://"
            defaultValue={contact?.linkedin ?? ''}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t.contacts.notes}</label>
        <textarea id={`${id}-notes`} name="notes" rows={2} defaultValue={contact?.notes ?? ''} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t.common.saving : t.contacts.save}
        </button>
        {onCancel ? (
          <button type="button" className="button-quiet" onClick={onCancel}>
            {t.common.cancel}
          </button>
        ) : null}
        <FormMessage message={message} />
      </div>
    </form>
  );
}

export function ContactsPage() {
  const id = useId();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(q.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [q]);
  const list = useLoad(() => api.contacts(query || undefined), [query]);

  return (
    <Page title={t.contacts.title} intro={t.contacts.intro}>
      <details className="card add-card">
        <summary>{t.contacts.add}</summary>
        <ContactForm onSaved={() => void list.reload()} />
      </details>
      <Section title={t.contacts.listTitle} id="contacts-heading" className="contacts-card">
        <div className="field search-field" role="search">
          <label htmlFor={`${id}-q`}>{t.contacts.search}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            placeholder={t.contacts.searchPlaceholder}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {!list.data ? (
          <Loading />
        ) : list.data.length === 0 ? (
          <p className="empty">{query ? t.contacts.noMatches : t.contacts.empty}</p>
        ) : (
          <ul className="contact-list">
            {list.data.map((c) => (
              <li key={c.id} className="contact">
                {editing === c.id ? (
                  <ContactForm
                    contact={c}
                    onSaved={() => {
                      setEditing(null);
                      void list.reload();
                    }}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <div className="contact-row">
                    <div>
                      <p className="person-name">{c.name}</p>
                      <p className="muted small">
                        {[t.contactRoles[c.role] ?? c.role, c.companyName].filter(Boolean).join(' · ')}
                      </p>
                      <p className="small contact-links">
                        {c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}
                        {c.phone ? <span>{c.phone}</span> : null}
                        {c.linkedin ? (
                          <a href={c.linkedin} target="_blank" rel="noreferrer noopener">
                            {t.contacts.linkedinShort}
                          </a>
                        ) : null}
                      </p>
                      {c.notes ? <p className="small">{c.notes}</p> : null}
                    </div>
                    <button
                      type="button"
                      className="button-quiet"
                      onClick={() => setEditing(c.id)}
                      aria-label={t.contacts.editContact(c.name)}
                    >
                      {t.common.edit}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </Page>
  );
}
