/**
 * The seeker's résumés, by version: added from a file (.txt, .md, .pdf, .docx, read in the browser
 * and sent as base64 inside JSON) or pasted, listed with their word and skill counts, deleted.
 * Onward reads the skills out of them to compare with each job description.
 */
import { useId, useRef, useState } from 'react';
import { api } from '../api/client';
import type { ResumeView } from '../api/types';
import { formatDate } from '../format';
import { t } from '../text';
import { FormMessage, Section } from './ui';
import { fieldText, useSubmit } from './useSubmit';

const tr = t.resumes;
const ACCEPT = '.txt,.md,.pdf,.docx';
const MAX_BYTES = 20 * 1024 * 1024;

/** A file's bytes as base64 (without the "data:…;base64," in front). */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(tr.unreadable(file.name)));
    reader.readAsDataURL(file);
  });
}

function ResumeItem({ resume, onChanged }: { resume: ResumeView; onChanged: () => Promise<void> }) {
  const submit = useSubmit();
  return (
    <li className="resume">
      <div className="resume-head">
        <p className="resume-title">
          <strong>{resume.version}</strong>
          {resume.fileName ? <span className="muted small"> · {resume.fileName}</span> : null}
        </p>
        <button
          type="button"
          className="button-quiet"
          disabled={submit.busy}
          onClick={() => {
            if (!window.confirm(tr.confirmDelete(resume.version))) return;
            void submit.run(async () => {
              await api.deleteResume(resume.version);
              await onChanged();
              return tr.deleted(resume.version);
            });
          }}
        >
          {tr.delete}
          <span className="visually-hidden"> {tr.version(resume.version)}</span>
        </button>
      </div>
      <p className="muted small">
        {tr.counts(resume.words, resume.skills.length)} · {tr.added(formatDate(resume.createdAt))}
      </p>
      {resume.skills.length > 0 ? (
        <details className="resume-skills">
          <summary>{tr.skillsFound(resume.skills.length)}</summary>
          <ul className="skill-list is-matched">
            {resume.skills.map((s) => (
              <li key={s.id}>{s.label}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <FormMessage message={submit.message} />
    </li>
  );
}

export function ResumesCard({
  resumes,
  onChanged,
}: {
  resumes: ResumeView[];
  onChanged: () => Promise<void>;
}) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [fileName, setFileName] = useState('');
  const submit = useSubmit();

  async function save(data: FormData) {
    const version = fieldText(data, 'version');
    const file = data.get('file');
    const text = fieldText(data, 'text');
    const ok = await submit.run(async () => {
      if (file instanceof File && file.size > 0) {
        if (file.size > MAX_BYTES) throw new Error(tr.tooLarge(file.name));
        if (!/\.(txt|md|pdf|docx)$/i.test(file.name)) throw new Error(tr.wrongKind(file.name));
        await api.addResume({ version, fileName: file.name, data: await readAsBase64(file) });
      } else if (text) {
        await api.addResume({ version, text });
      } else {
        throw new Error(tr.nothing);
      }
      await onChanged();
      return tr.saved(version);
    });
    if (ok) {
      form.current?.reset();
      setFileName('');
    }
  }

  return (
    <Section title={tr.title} id="resumes">
      <p className="muted small">{tr.intro}</p>
      {resumes.length === 0 ? (
        <p className="muted">{tr.none}</p>
      ) : (
        <ul className="resume-list">
          {resumes.map((r) => (
            <ResumeItem key={r.id} resume={r} onChanged={onChanged} />
          ))}
        </ul>
      )}
      <form
        ref={form}
        className="sub-form resume-form"
        aria-label={tr.add}
        onSubmit={(e) => {
          e.preventDefault();
          void save(new FormData(e.currentTarget));
        }}
      >
        <h3>{tr.add}</h3>
        <div className="field">
          <label htmlFor={`${id}-version`}>{tr.versionLabel}</label>
          <input
            id={`${id}-version`}
            name="version"
            defaultValue={resumes.length === 0 ? 'main' : ''}
            required
            maxLength={100}
            autoComplete="off"
            aria-describedby={`${id}-version-hint`}
          />
          <p className="hint" id={`${id}-version-hint`}>
            {tr.versionHint}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>{tr.file}</label>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            accept={ACCEPT}
            onChange={(e) => setFileName(e.target.files?.[0]?.name ?? '')}
            aria-describedby={`${id}-file-hint`}
          />
          <p className="hint" id={`${id}-file-hint`}>
            {tr.fileHint}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{tr.paste}</label>
          <textarea id={`${id}-text`} name="text" rows={4} disabled={fileName !== ''} />
          {fileName ? <p className="hint">{tr.fileChosen(fileName)}</p> : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={submit.busy}>
            {submit.busy ? t.common.saving : tr.save}
          </button>
        </div>
        <FormMessage message={submit.message} />
      </form>
    </Section>
  );
}
