// The preview's writing of rows into a journal: one import, its duplicate search, and the indexes and
// counts built once at its end.
#include "campaigns/campaignjournal.h"

#include "campaigns/campaignjournal_p.h"
#include "common/sqlerror.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace vc {

namespace {
constexpr int kImportBatch = 5000; // rows per commit while importing
}

StorageResult CampaignJournal::beginImport()
{
    // Before any statement of ours is open on the table (SQLite refuses to drop an index under one).
    for (const char *name : journal::kIndexNamesAfterImport) {
        if (auto r = exec(QStringLiteral("DROP INDEX IF EXISTS %1").arg(QLatin1String(name))); !r)
            return r;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    m_insert = std::make_unique<QSqlQuery>(db);
    if (!m_insert->prepare(QStringLiteral(
            "INSERT INTO rows(line, given, number, class, reason, duplicate_of, service_id, file_id, tz, name, seq)"
            " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return fail(storage::message(m_insert->lastError()));
    if (auto r = exec(QLatin1String(journal::kConsentsTable)); !r)
        return r;
    m_insertConsent = std::make_unique<QSqlQuery>(db);
    if (!m_insertConsent->prepare(QStringLiteral("INSERT OR REPLACE INTO consents(line, consent) VALUES(?, ?)")))
        return fail(storage::message(m_insertConsent->lastError()));
    m_findReady = std::make_unique<QSqlQuery>(db);
    if (!m_findReady->prepare(QStringLiteral("SELECT line FROM rows WHERE number = ? AND class = 'ready' LIMIT 1")))
        return fail(storage::message(m_findReady->lastError()));
    m_importing = true;
    m_batch = 0;
    QSqlQuery last(db);
    m_seq = last.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM rows")) && last.next() ? last.value(0).toLongLong() : 0;
    m_readyNumbers.clear();
    if (m_seq > 0) { // rows imported before: their ready numbers are in the filter too
        QSqlQuery ready(db);
        if (!ready.exec(QStringLiteral("SELECT number FROM rows WHERE class = 'ready'")))
            return fail(storage::message(ready.lastError()));
        while (ready.next())
            m_readyNumbers.add(ready.value(0).toString());
    }
    // The import is not a call: a normal commit is enough, and much faster; the rows are counted once
    // at its end rather than by a trigger per row.
    (void)exec(QStringLiteral("PRAGMA synchronous=NORMAL")); // only speed depends on it
    if (auto r = exec(QStringLiteral("DROP TRIGGER IF EXISTS rows_tally_insert")); !r)
        return r;
    return exec(QStringLiteral("BEGIN"));
}

StorageResult CampaignJournal::addRow(const CampaignRow &row)
{
    const auto text = [](const QString &s) { return s.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s); };
    m_insert->bindValue(0, row.line);
    m_insert->bindValue(1, row.given.left(256));
    m_insert->bindValue(2, text(row.number));
    m_insert->bindValue(3, rowClassName(row.rowClass));
    m_insert->bindValue(4, text(row.reason));
    m_insert->bindValue(5, row.duplicateOf ? QVariant(row.duplicateOf) : QVariant(QMetaType(QMetaType::LongLong)));
    m_insert->bindValue(6, text(row.serviceId));
    m_insert->bindValue(7, text(row.fileId));
    m_insert->bindValue(8, text(row.tz));
    m_insert->bindValue(9, text(row.name.left(256)));
    m_insert->bindValue(10, ++m_seq);
    if (!m_insert->exec())
        return fail(storage::message(m_insert->lastError()));
    if (!row.consent.isEmpty()) {
        m_insertConsent->bindValue(0, row.line);
        m_insertConsent->bindValue(1, row.consent.left(256));
        if (!m_insertConsent->exec())
            return fail(storage::message(m_insertConsent->lastError()));
    }
    if (row.rowClass == RowClass::Ready)
        m_readyNumbers.add(row.number);
    if (++m_batch >= kImportBatch) {
        m_batch = 0;
        if (auto r = exec(QStringLiteral("COMMIT")); !r)
            return r;
        return exec(QStringLiteral("BEGIN"));
    }
    return Empty{};
}

StorageResult CampaignJournal::endImport()
{
    m_importing = false;
    m_insert.reset();
    m_insertConsent.reset();
    m_findReady.reset();
    m_readyNumbers.clear();
    auto r = exec(QStringLiteral("COMMIT"));
    // The indexes the import went without, built from the whole table at once.
    for (const char *index : journal::kIndexesAfterImport) {
        if (r)
            r = exec(QLatin1String(index));
    }
    if (r)
        r = ensureTally(); // counts the imported rows and puts the insert trigger back
    // Every state change after this must survive a power loss: a journal that cannot say so fails here.
    if (auto full = exec(QStringLiteral("PRAGMA synchronous=FULL")); !full && r)
        r = full;
    return r;
}

std::optional<qint64> CampaignJournal::readyLineOf(const QString &number)
{
    if (!m_findReady || !m_readyNumbers.mayContain(number))
        return std::nullopt;
    m_findReady->bindValue(0, number);
    if (!m_findReady->exec() || !m_findReady->next())
        return std::nullopt;
    const qint64 line = m_findReady->value(0).toLongLong();
    m_findReady->finish();
    return line;
}

} // namespace vc
