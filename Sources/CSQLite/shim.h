// The system SQLite (libsqlite3-dev). Its SQLITE_TRANSIENT destructor is a cast macro Swift cannot
// import, so binding text that SQLite must copy goes through these small wrappers.
#include <sqlite3.h>

static inline int nectarql_sqlite_bind_text(sqlite3_stmt *statement, int index, const char *text, int bytes) {
    return sqlite3_bind_text(statement, index, text, bytes, SQLITE_TRANSIENT);
}
