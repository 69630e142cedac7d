// The placeholder web shell: plain DOM, no framework, until the real app arrives.
// Every value from the API goes into the page as text, never as HTML.

const token = document.querySelector('meta[name="onward-token"]')?.getAttribute('content') ?? '';

const STAGE_LABELS = {
  saved: 'Saved',
  applied: 'Applied',
  screening: 'Screening',
  interviewing: 'Interviewing',
  final: 'Final round',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  no_response: 'No response',
};

const $ = (id) => document.getElementById(id);

async function api(path, options = {}) {
  const headers = { accept: 'application/json', ...(options.headers ?? {}) };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['x-onward-token'] = token;
  }
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const message = data?.error?.message ?? `the server answered ${response.status}`;
    throw new Error(message);
  }
  return data;
}

function stageLabel(stage) {
  return STAGE_LABELS[stage] ?? stage;
}

function renderApplications(applications) {
  const list = $('applications');
  const empty = $('empty');
  const status = $('list-status');
  list.replaceChildren();
  status.hidden = true;
  if (applications.length === 0) {
    list.hidden = true;
    empty.hidden = false;
    return;
  }
  empty.hidden = true;
  list.hidden = false;
  for (const application of applications) {
    const item = document.createElement('li');
    item.className = 'application';

    const who = document.createElement('div');
    const company = document.createElement('span');
    company.className = 'company';
    company.textContent = application.companyName;
    const role = document.createElement('span');
    role.className = 'role';
    role.textContent = application.role;
    who.append(company, role);

    const stage = document.createElement('span');
    stage.className = `stage stage-${application.stage}`;
    stage.textContent = stageLabel(application.stage);

    item.append(who, stage);
    list.append(item);
  }
}

async function loadApplications() {
  const section = $('list-section');
  section.setAttribute('aria-busy', 'true');
  try {
    const { applications } = await api('/api/applications?sort=updated&order=desc');
    renderApplications(applications);
  } catch (error) {
    const status = $('list-status');
    status.hidden = false;
    status.textContent = `Could not load your applications: ${error.message}`;
  } finally {
    section.setAttribute('aria-busy', 'false');
  }
}

async function loadHealth() {
  try {
    const health = await api('/api/health');
    $('health').textContent = `Onward ${health.version} · data in ${
      health.database === 'postgres' ? 'PostgreSQL' : 'SQLite'
    } · private to this computer.`;
  } catch {
    $('health').textContent = 'Onward is not answering. Is `onward start` still running?';
  }
}

function setupQuickAdd() {
  const form = $('quick-add');
  const status = $('form-status');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const company = form.elements.company.value.trim();
    const role = form.elements.role.value.trim();
    const missing = !company ? form.elements.company : !role ? form.elements.role : null;
    if (missing) {
      status.className = 'status error';
      status.textContent = `Please fill in the ${missing.name}.`;
      missing.setAttribute('aria-invalid', 'true');
      missing.focus();
      return;
    }
    form.elements.company.removeAttribute('aria-invalid');
    form.elements.role.removeAttribute('aria-invalid');
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const created = await api('/api/applications', { method: 'POST', body: { company, role } });
      status.className = 'status success';
      status.textContent = `Added ${created.role} at ${created.companyName}.`;
      form.reset();
      form.elements.company.focus();
      await loadApplications();
    } catch (error) {
      status.className = 'status error';
      status.textContent = `Could not add it: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
}

setupQuickAdd();
void loadHealth();
void loadApplications();
