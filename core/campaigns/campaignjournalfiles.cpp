// The journal's file before it is opened: whether it is an SQLite file at all, whether this program may
// write it, how a read-only one is opened, and the integrity check that comes before every resume.
#include "campaigns/campaignjournal.h"

#include "common/sqlerror.h"
#include "campaigns/campaignjournal_p.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

namespace vc {

Q_DECLARE_LOGGING_CATEGORY(lcJournal)

namespace journal {

bool looksLikeSqlite(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(16) == QByteArrayView("SQLite format 3\0", 16);
}

namespace {
bool folderWritable(const QString &path)
{
    return QFileInfo(QFileInfo(path).absolutePath()).isWritable();
}
} // namespace

QString readOnlyOptions(const QString &path, int busyMs)
{
    return QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1;QSQLITE_OPEN_READONLY").arg(busyMs) +
           (folderWritable(path) ? QString() : QStringLiteral(";QSQLITE_OPEN_URI"));
}

QString databaseName(const QString &path)
{
    if (folderWritable(path))
        return path;
    return QString::fromLatin1(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded()) + QStringLiteral("?immutable=1");
}

} // namespace journal

bool CampaignJournal::isWritable(const QString &path)
{
    const QFileInfo info(path);
    return QFileInfo(info.absolutePath()).isWritable() && (!info.exists() || info.isWritable());
}

StorageResult CampaignJournal::checkIntegrity(const QString &path)
{
    if (!QFileInfo::exists(path))
        return StorageError{tr("There is no journal at %1.").arg(path)};
    const QString damaged = tr("The journal %1 is damaged: SQLite's integrity check failed. Nothing was called and the "
                               "file was left as it is. Rows in it may have been called already: look at what can still "
                               "be read (status, export) before you call anyone again.").arg(path);
    if (!journal::looksLikeSqlite(path))
        return StorageError{tr("%1 is not a campaign journal. It was left as it is.").arg(path)};
    const QString connection = QStringLiteral("vc-journal-check-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    StorageResult result = Empty{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(journal::databaseName(path));
        db.setConnectOptions(journal::readOnlyOptions(path, 2000));
        if (!db.open()) {
            result = StorageError{tr("The journal %1 cannot be opened: %2").arg(path, storage::message(db.lastError()))};
        } else {
            QSqlQuery q(db);
            QStringList problems;
            if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
                if (storage::isDamage(q.lastError()))
                    problems.append(q.lastError().text());
                else
                    result = StorageError{tr("The journal %1 cannot be read: %2").arg(path, storage::message(q.lastError()))};
            }
            while (q.isActive() && q.next() && problems.size() < 10)
                problems.append(q.value(0).toString());
            if (result && problems != QStringList{QStringLiteral("ok")}) {
                qCInfo(lcJournal).noquote() << path << "integrity_check:" << problems.join(QStringLiteral("; "));
                result = StorageError{damaged, true};
            }
            q.finish();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}


StorageResult CampaignJournal::openToShow(const QString &path, std::optional<bool> damaged)
{
    if (auto r = openReadOnly(path); !r || damaged.value_or(false) || counts().dispatching == 0)
        return r;
    if (isInUse(path) || !isWritable(path) || (!damaged && !checkIntegrity(path)))
        return Empty{};
    // Nobody runs it: opening it for writing applies the rule, then it is read like any other.
    close();
    if (auto r = open(path); !r)
        return openReadOnly(path); // taken a moment ago by another program: as it is
    const qint64 interrupted = m_interrupted;
    close();
    auto r = openReadOnly(path);
    m_interrupted = interrupted;
    return r;
}

} // namespace vc
