// Ids the database gives rows (randomUUID). A route or form names a row by one; anything else is
// no row, answered as not found before a query is asked (PostgreSQL refuses a malformed uuid).
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `id` is written as the row ids are. */
export const isUuid = (id: string): boolean => UUID_RE.test(id);
