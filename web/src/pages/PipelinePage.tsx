import { useEffect, useId, useState, type DragEvent, type FormEvent } from 'react';
import { api } from '../api/client';
import { asApiError, useLoad } from '../api/useLoad';
import { CLOSING_STAGES, OPEN_STAGES, STAGES, type Application, type Stage } from '../api/types';
import { announce } from '../components/announce';
import { QuickAdd } from '../components/QuickAdd';
import { ErrorNote, Loading, Page } from '../components/ui';
import { formatDate } from '../format';
import { canMove, nextStages } from '../stages';
import { Link, navigate, paths, useLocation } from '../router';
import { t } from '../text';

/** Moving to "rejected" goes through the rejection flow, which records the no and makes the plan. */
async function moveTo(app: Application, stage: Stage, after: () => Promise<void>): Promise<void> {
  if (stage === 'rejected') {
    navigate(paths.rejection(app.id));
    return;
  }
  try {
    await api.move(app.id, stage);
    announce(t.pipeline.moved(app.companyName, t.stages[stage]));
    await after();
  } catch (err) {
    announce(asApiError(err).message, 'error');
  }
}

function MoveControl({ app, onMoved }: { app: Application; onMoved: () => Promise<void> }) {
  const id = useId();
  const options = nextStages(app.stage);
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  if (options.length === 0) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    setBusy(true);
    await moveTo(app, target as Stage, onMoved);
    setBusy(false);
  };
  return (
    <form className="move-control" onSubmit={submit}>
      <label htmlFor={`${id}-move`} className="visually-hidden">
        {t.pipeline.moveLabel(app.companyName, app.role)}
      </label>
      <select id={`${id}-move`} value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">{t.pipeline.moveTo}</option>
        {options.map((s) => (
          <option key={s} value={s}>
            {t.stages[s]}
          </option>
        ))}
      </select>
      <button type="submit" className="button-quiet" disabled={!target || busy}>
        {t.pipeline.move}
      </button>
    </form>
  );
}

function Board({
  applications,
  showClosed,
  onMoved,
}: {
  applications: Application[];
  showClosed: boolean;
  onMoved: () => Promise<void>;
}) {
  const [dragging, setDragging] = useState<Application | null>(null);
  const [over, setOver] = useState<Stage | null>(null);
  // After a move from the keyboard, focus follows the card to its new column.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    document.querySelector<HTMLElement>(`[data-application="${CSS.escape(focusId)}"] a`)?.focus();
    setFocusId(null);
  }, [focusId, applications]);
  const hasAccepted = applications.some((a) => a.stage === 'accepted');
  const columns: Stage[] = [
    ...OPEN_STAGES,
    ...(showClosed || hasAccepted ? (['accepted'] as const) : []),
    ...(showClosed ? CLOSING_STAGES : []),
  ];

  const dropProps = (stage: Stage) => ({
    onDragOver: (e: DragEvent) => {
      if (dragging && canMove(dragging.stage, stage)) {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        if (over !== stage) setOver(stage);
      }
    },
    onDragLeave: () => setOver((o) => (o === stage ? null : o)),
    onDrop: async (e: DragEvent) => {
      e.preventDefault();
      const app = dragging;
      setDragging(null);
      setOver(null);
      if (app && canMove(app.stage, stage)) await moveTo(app, stage, onMoved);
    },
  });

  return (
    <div className="board">
      {columns.map((stage) => {
        const cards = applications.filter((a) => a.stage === stage);
        const canDrop = dragging !== null && canMove(dragging.stage, stage);
        return (
          <section
            key={stage}
            className={`board-column stage-${stage} ${canDrop ? 'can-drop' : ''} ${over === stage ? 'is-over' : ''}`}
            aria-labelledby={`col-${stage}`}
            data-stage={stage}
            {...dropProps(stage)}
          >
            <h2 id={`col-${stage}`} className="board-column-head">
              <span>{t.stages[stage]}</span>
              <span className="count" aria-label={t.pipeline.count(cards.length)}>
                {cards.length}
              </span>
            </h2>
            {cards.length === 0 ? (
              <p className="muted board-empty">{t.pipeline.emptyColumn}</p>
            ) : (
              <ul className="board-cards">
                {cards.map((app) => (
                  <li
                    key={app.id}
                    className={`board-card ${dragging?.id === app.id ? 'is-dragging' : ''}`}
                    draggable
                    data-application={app.id}
                    onDragStart={(e) => {
                      e.dataTransfer.setData('text/plain', app.id);
                      e.dataTransfer.effectAllowed = 'move';
                      setDragging(app);
                    }}
                    onDragEnd={() => {
                      setDragging(null);
                      setOver(null);
                    }}
                  >
                    <p className="board-card-company">{app.companyName}</p>
                    <p className="board-card-role">
                      <Link to={paths.application(app.id)}>{app.role}</Link>
                    </p>
                    <p className="board-card-meta muted">{formatDate(app.updatedAt)}</p>
                    <MoveControl
                      app={app}
                      onMoved={async () => {
                        await onMoved();
                        setFocusId(app.id);
                      }}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function Table() {
  const id = useId();
  const [q, setQ] = useState('');
  const [stage, setStage] = useState('');
  const [sort, setSort] = useState('updated');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const query = useDebounced(q.trim(), 250);
  const list = useLoad(() => api.applications({ q: query, stage, sort, order }), [query, stage, sort, order]);

  return (
    <div className="table-view">
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t.pipeline.search}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            placeholder={t.pipeline.searchPlaceholder}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-stage`}>{t.pipeline.stageFilter}</label>
          <select id={`${id}-stage`} value={stage} onChange={(e) => setStage(e.target.value)}>
            <option value="">{t.pipeline.allStages}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t.stages[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sort`}>{t.pipeline.sort}</label>
          <select id={`${id}-sort`} value={sort} onChange={(e) => setSort(e.target.value)}>
            {Object.entries(t.pipeline.sorts).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-order`}>{t.pipeline.order}</label>
          <select
            id={`${id}-order`}
            value={order}
            onChange={(e) => setOrder(e.target.value as 'asc' | 'desc')}
          >
            <option value="desc">{t.pipeline.descending}</option>
            <option value="asc">{t.pipeline.ascending}</option>
          </select>
        </div>
      </form>
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {!list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <p className="empty">{query || stage ? t.pipeline.noMatches : t.pipeline.empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t.pipeline.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.pipeline.columns.company}</th>
                <th scope="col">{t.pipeline.columns.role}</th>
                <th scope="col">{t.pipeline.columns.stage}</th>
                <th scope="col">{t.pipeline.columns.updated}</th>
                <th scope="col">{t.pipeline.columns.fit}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((a) => (
                <tr key={a.id}>
                  <td>{a.companyName}</td>
                  <td>
                    <Link to={paths.application(a.id)}>{a.role}</Link>
                  </td>
                  <td>
                    <span className={`stage-pill stage-${a.stage}`}>{t.stages[a.stage]}</span>
                  </td>
                  <td>{formatDate(a.updatedAt)}</td>
                  <td>{a.fit ? t.pipeline.fitValue(a.fit) : t.common.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted" aria-live="polite">
        {list.data ? t.pipeline.count(list.data.length) : ''}
      </p>
    </div>
  );
}

export function PipelinePage() {
  const { params } = useLocation();
  const view = params.get('view') === 'table' ? 'table' : 'board';
  const [showClosed, setShowClosed] = useState(false);
  const [adding, setAdding] = useState(params.get('add') === '1');
  const board = useLoad(
    () => (view === 'board' ? api.applications({ sort: 'updated' }) : Promise.resolve([])),
    [view],
  );
  const [tableKey, setTableKey] = useState(0);

  const setView = (next: 'board' | 'table') =>
    navigate(next === 'table' ? `${paths.pipeline}?view=table` : paths.pipeline);

  return (
    <Page title={t.pipeline.title} intro={t.pipeline.intro}>
      <details
        className="card add-card"
        open={adding}
        onToggle={(e) => setAdding((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>{t.quickAdd.title}</summary>
        <QuickAdd
          autoFocus={params.get('add') === '1'}
          onAdded={async () => {
            await board.reload();
            setTableKey((k) => k + 1);
          }}
        />
      </details>

      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t.pipeline.viewLabel}>
          <button type="button" aria-pressed={view === 'board'} onClick={() => setView('board')}>
            {t.pipeline.board}
          </button>
          <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
            {t.pipeline.table}
          </button>
        </div>
        {view === 'board' ? (
          <label className="checkbox">
            <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} />
            {t.pipeline.showClosed}
          </label>
        ) : null}
      </div>

      {view === 'board' ? (
        <>
          <p className="hint">{t.pipeline.dragHint}</p>
          {board.error ? <ErrorNote error={board.error} onRetry={board.reload} /> : null}
          {!board.data ? (
            <Loading />
          ) : board.data.length === 0 ? (
            <p className="empty">{t.pipeline.empty}</p>
          ) : (
            <Board applications={board.data} showClosed={showClosed} onMoved={board.reload} />
          )}
        </>
      ) : (
        <Table key={tableKey} />
      )}
    </Page>
  );
}
