/**
 * Practice recordings, kept in this browser only (IndexedDB): one per question, the latest. They
 * never go to the server — the seeker listens back and deletes them here.
 */
const DB_NAME = 'onward-practice';
const STORE = 'recordings';

export interface Recording {
  questionId: string;
  blob: Blob;
  at: string;
  seconds: number;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'questionId' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB aborted'));
    });
  } finally {
    db.close();
  }
}

export const recordings = {
  get: (questionId: string) =>
    run<Recording | undefined>('readonly', (s) => s.get(questionId) as IDBRequest<Recording | undefined>),
  put: (r: Recording) => run('readwrite', (s) => s.put(r)).then(() => undefined),
  remove: (questionId: string) => run('readwrite', (s) => s.delete(questionId)).then(() => undefined),
};
