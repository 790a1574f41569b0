#pragma once

#include <QString>

class QSqlError;

namespace vc::storage {

// What SQLite's error means for the operator, in the interface's language: "the file is damaged", "the
// disk is full"... SQLite's own words ("Unable to fetch row", "database disk image is malformed") go
// to the vc.storage log, never to a person.
QString message(const QSqlError &error);
// SQLITE_CORRUPT or SQLITE_NOTADB: the file is damaged, not merely busy or unwritable.
bool isDamage(const QSqlError &error);

} // namespace vc::storage
