// The outbox: submissions kept in the browser's IndexedDB until the server has answered
// them, so that a form submitted while offline (or while the server is unreachable) is sent
// when the connection returns. Each entry is keyed by the form's instanceID, so keeping or
// sending it twice is harmless: the server answers 201 to an identical repeat.
// An entry holds only what the submission needs: the address, the access code (a one-time
// code must go with its submission) and the instance XML; it is deleted once answered.

const DATABASE = 'survey-collect';
const STORE = 'outbox';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, action) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

/** Keep `entry` ({id, url, token, xml}) until `remove(entry.id)`. */
export const keep = (entry) => run('readwrite', (store) => store.put(entry));
export const remove = (id) => run('readwrite', (store) => store.delete(id));
export const waiting = () => run('readonly', (store) => store.getAll());
